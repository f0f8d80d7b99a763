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
    static final Set<String> STATUSES = Set.of("active", "assigned", "escalated", "resolved", "closed");

    /**
     * Which status may follow which. Active is the assistant's; escalated waits for a human; assigned is held by one;
     * a hand-back returns it to the assistant; a customer message reopens a resolved one; closed is final.
     */
    static final Map<String, Set<String>> TRANSITIONS = Map.of(
            "active", Set.of("assigned", "escalated", "resolved", "closed"),
            "escalated", Set.of("assigned", "active", "resolved", "closed"),
            "assigned", Set.of("active", "escalated", "resolved", "closed"),
            "resolved", Set.of("active", "closed"),
            "closed", Set.of());

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

    /** Whether a human holds the conversation or it waits for one. */
    boolean heldByHumans() {
        return status.equals("escalated") || status.equals("assigned");
    }

    /** A customer message is welcome unless the conversation is closed; a resolved one opens again. */
    void acceptCustomerMessage() {
        acceptMessage();
    }

    /** Any new message (the customer's, an agent's, a note) needs a conversation that is not closed. */
    void acceptMessage() {
        if (status.equals("closed")) {
            throw new ApiException(
                    ErrorCode.CONVERSATION_CLOSED, null, Map.of("conversation_id", id, "status", status));
        }
    }

    /** Escalating again while it waits for a human changes nothing and is allowed. */
    void acceptEscalation() {
        if (!status.equals("escalated")) {
            acceptTransition("escalated");
        }
    }

    void acceptResolution() {
        acceptTransition("resolved");
    }

    /** Fails with 409 naming both statuses unless {@code to} may follow the current status. */
    void acceptTransition(String to) {
        if (!TRANSITIONS.getOrDefault(status, Set.of()).contains(to)) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "error.conflict.transition",
                    Map.of("conversation_id", id, "from", status, "to", to),
                    status,
                    to);
        }
    }

    /** The same conversation with the inbox's fields changed. */
    Conversation changed(
            String newStatus,
            String newAssignee,
            List<String> newTags,
            String newNotes,
            String newPriority,
            Instant at) {
        return new Conversation(
                id,
                workspaceId,
                mode,
                contactId,
                channel,
                newStatus,
                newPriority,
                primaryIntent,
                sentiment,
                orderId,
                newAssignee,
                newTags,
                newNotes,
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
                at);
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
