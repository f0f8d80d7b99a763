package dev.parley.conversation.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.Mode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A conversation and the rules of its life: which status may follow which. */
record Conversation(
        String id,
        String workspaceId,
        Mode mode,
        String contactId,
        String channel,
        String status,
        String priority,
        String primaryIntent,
        String sentiment,
        String orderId,
        String assignedTo,
        List<String> tags,
        String notes,
        Map<String, String> facts,
        Map<String, Object> context,
        String ticketId,
        String escalationReason,
        String resolutionSummary,
        String resolutionType,
        Integer csatScore,
        int messageCount,
        Instant resolvedAt,
        Instant createdAt,
        Instant updatedAt) {

    static final Set<String> CHANNELS = Set.of("widget", "api", "chat", "email", "voice", "sms", "whatsapp");
    static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");

    /** A new conversation: active, normal priority, no contact and no message yet. */
    static Conversation opened(
            String workspaceId,
            Mode mode,
            String channel,
            Map<String, String> facts,
            Map<String, Object> context,
            Instant at) {
        return new Conversation(
                dev.parley.platform.Ids.next("conv"),
                workspaceId,
                mode,
                null,
                channel,
                "active",
                "normal",
                null,
                null,
                facts.get("order_number"),
                null,
                List.of(),
                null,
                facts,
                context,
                null,
                null,
                null,
                null,
                null,
                0,
                null,
                at,
                at);
    }

    /** Whether the assistant answers: not while a human holds the conversation. */
    boolean assistantAnswers() {
        return status.equals("active");
    }

    /** A customer message is welcome unless the conversation is closed; a resolved one opens again. */
    void acceptCustomerMessage() {
        if (status.equals("closed")) {
            throw new ApiException(
                    ErrorCode.CONVERSATION_CLOSED, null, Map.of("conversation_id", id, "status", status));
        }
    }

    void acceptEscalation() {
        if (status.equals("resolved") || status.equals("closed")) {
            throw conflict("escalate");
        }
    }

    void acceptResolution() {
        if (status.equals("resolved") || status.equals("closed")) {
            throw conflict("resolve");
        }
    }

    private ApiException conflict(String action) {
        return new ApiException(
                ErrorCode.CONFLICT, null, Map.of("conversation_id", id, "status", status, "action", action));
    }

    /** After a message: what the conversation now knows, and how many messages it holds. */
    Conversation afterMessages(
            int added, String intent, String feeling, Map<String, String> newFacts, String status, Instant at) {
        String order = newFacts.getOrDefault("order_number", orderId);
        return new Conversation(
                id,
                workspaceId,
                mode,
                contactId,
                channel,
                status,
                priority,
                primaryIntent == null || primaryIntent.equals("other") || primaryIntent.equals("greeting")
                        ? intent
                        : primaryIntent,
                feeling == null ? sentiment : feeling,
                order,
                assignedTo,
                tags,
                notes,
                newFacts,
                context,
                ticketId,
                escalationReason,
                resolutionSummary,
                resolutionType,
                csatScore,
                messageCount + added,
                resolvedAt,
                createdAt,
                at);
    }

    Conversation withContact(String contact) {
        return new Conversation(
                id,
                workspaceId,
                mode,
                contact,
                channel,
                status,
                priority,
                primaryIntent,
                sentiment,
                orderId,
                assignedTo,
                tags,
                notes,
                facts,
                context,
                ticketId,
                escalationReason,
                resolutionSummary,
                resolutionType,
                csatScore,
                messageCount,
                resolvedAt,
                createdAt,
                updatedAt);
    }

    Conversation escalated(String reason, String newPriority, String ticket, Instant at) {
        return new Conversation(
                id,
                workspaceId,
                mode,
                contactId,
                channel,
                "escalated",
                newPriority,
                primaryIntent,
                sentiment,
                orderId,
                assignedTo,
                tags,
                notes,
                facts,
                context,
                ticket,
                reason,
                resolutionSummary,
                resolutionType,
                csatScore,
                messageCount,
                resolvedAt,
                createdAt,
                at);
    }

    Conversation resolved(String summary, String type, Integer csat, Instant at) {
        return new Conversation(
                id,
                workspaceId,
                mode,
                contactId,
                channel,
                "resolved",
                priority,
                primaryIntent,
                sentiment,
                orderId,
                assignedTo,
                tags,
                notes,
                facts,
                context,
                ticketId,
                escalationReason,
                summary,
                type,
                csat,
                messageCount,
                at,
                createdAt,
                at);
    }
}
