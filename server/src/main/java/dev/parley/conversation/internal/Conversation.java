package dev.parley.conversation.internal;

import dev.parley.conversation.Channel;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.Priority;
import dev.parley.conversation.ResolutionType;
import dev.parley.platform.ApiException;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.Mode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A conversation and the rules of its life: which status may follow which ({@link ConversationStatus#next()}). What
 * changes together lives together: the inbox's fields ({@link Triage}), what the assistant learned ({@link
 * Understanding}), the hand-over to a human ({@link Escalation}) and the end ({@link Resolution}).
 */
record Conversation(
        String id,
        String workspaceId,
        Mode mode,
        String contactId,
        Channel channel,
        Map<String, Object> context,
        ConversationStatus status,
        Triage triage,
        Understanding understanding,
        Escalation escalation,
        Resolution resolution,
        int messageCount,
        Instant createdAt,
        Instant updatedAt) {

    /** The inbox's fields: who holds the conversation, how urgent it is, its tags and agents' notes. */
    record Triage(String assignedTo, Priority priority, List<String> tags, String notes) {

        static final Triage NEW = new Triage(null, Priority.NORMAL, List.of(), null);

        Triage heldBy(String agentId) {
            return new Triage(agentId, priority, tags, notes);
        }

        Triage at(Priority level) {
            return new Triage(assignedTo, level, tags, notes);
        }
    }

    /** What the conversation has taught the assistant: the main intent, the mood, the order and the facts. */
    record Understanding(String primaryIntent, String sentiment, String orderId, Map<String, String> facts) {

        static Understanding from(Map<String, String> facts) {
            return new Understanding(null, null, facts.get("order_number"), facts);
        }

        /** A vague intent (none, other, a greeting) gives way to the next one; a known feeling and order stay known. */
        Understanding after(String intent, String feeling, Map<String, String> newFacts) {
            return new Understanding(
                    primaryIntent == null || primaryIntent.equals("other") || primaryIntent.equals("greeting")
                            ? intent
                            : primaryIntent,
                    feeling == null ? sentiment : feeling,
                    newFacts.getOrDefault("order_number", orderId),
                    newFacts);
        }
    }

    /** Why a human was asked for, and the ticket that tracks it. */
    record Escalation(EscalationReason reason, String ticketId) {

        static final Escalation NONE = new Escalation(null, null);
    }

    /** How the conversation ended: a summary, who resolved it, the customer's score and when. */
    record Resolution(String summary, ResolutionType type, Integer csatScore, Instant at) {

        static final Resolution NONE = new Resolution(null, null, null, null);
    }

    /** A new conversation: active, normal priority, no contact and no message yet. */
    static Conversation opened(
            String workspaceId,
            Mode mode,
            Channel channel,
            Map<String, String> facts,
            Map<String, Object> context,
            Instant at) {
        return new Conversation(
                dev.parley.platform.Ids.next("conv"),
                workspaceId,
                mode,
                null,
                channel,
                context,
                ConversationStatus.ACTIVE,
                Triage.NEW,
                Understanding.from(facts),
                Escalation.NONE,
                Resolution.NONE,
                0,
                at,
                at);
    }

    String assignedTo() {
        return triage.assignedTo();
    }

    Priority priority() {
        return triage.priority();
    }

    List<String> tags() {
        return triage.tags();
    }

    String notes() {
        return triage.notes();
    }

    String primaryIntent() {
        return understanding.primaryIntent();
    }

    String sentiment() {
        return understanding.sentiment();
    }

    String orderId() {
        return understanding.orderId();
    }

    Map<String, String> facts() {
        return understanding.facts();
    }

    String ticketId() {
        return escalation.ticketId();
    }

    EscalationReason escalationReason() {
        return escalation.reason();
    }

    String resolutionSummary() {
        return resolution.summary();
    }

    ResolutionType resolutionType() {
        return resolution.type();
    }

    Integer csatScore() {
        return resolution.csatScore();
    }

    Instant resolvedAt() {
        return resolution.at();
    }

    boolean is(ConversationStatus candidate) {
        return status == candidate;
    }

    /** Whether the assistant answers: not while a human holds the conversation. */
    boolean assistantAnswers() {
        return status == ConversationStatus.ACTIVE;
    }

    /** Whether a human holds the conversation or it waits for one. */
    boolean heldByHumans() {
        return status == ConversationStatus.ESCALATED || status == ConversationStatus.ASSIGNED;
    }

    /** A customer message is welcome unless the conversation is closed; a resolved one opens again. */
    void acceptCustomerMessage() {
        acceptMessage();
    }

    /** Any new message (the customer's, an agent's, a note) needs a conversation that is not closed. */
    void acceptMessage() {
        if (status == ConversationStatus.CLOSED) {
            throw new ApiException(
                    ErrorCode.CONVERSATION_CLOSED, null, Map.of("conversation_id", id, "status", status.wire()));
        }
    }

    /** Escalating again while it waits for a human changes nothing and is allowed. */
    void acceptEscalation() {
        if (status != ConversationStatus.ESCALATED) {
            acceptTransition(ConversationStatus.ESCALATED);
        }
    }

    void acceptResolution() {
        acceptTransition(ConversationStatus.RESOLVED);
    }

    /** Fails with 409 naming both statuses unless {@code to} may follow the current status. */
    void acceptTransition(ConversationStatus to) {
        if (!status.mayMoveTo(to)) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "error.conflict.transition",
                    Map.of("conversation_id", id, "from", status.wire(), "to", to.wire()),
                    status.wire(),
                    to.wire());
        }
    }

    /** The same conversation in another status with the inbox's fields changed. */
    Conversation changed(ConversationStatus newStatus, Triage newTriage, Instant at) {
        return with(newStatus, newTriage, understanding, escalation, resolution, messageCount, at);
    }

    /** The same conversation in another status, held by {@code agentId} (or nobody), the other inbox fields kept. */
    Conversation movedTo(ConversationStatus newStatus, String agentId, Instant at) {
        return changed(newStatus, triage.heldBy(agentId), at);
    }

    /** After messages: what the conversation now knows, and how many messages it holds. */
    Conversation afterMessages(int added, String intent, String feeling, Map<String, String> newFacts, Instant at) {
        return with(
                status,
                triage,
                understanding.after(intent, feeling, newFacts),
                escalation,
                resolution,
                messageCount + added,
                at);
    }

    /** After messages that teach the assistant nothing (a notice, a message while a human holds it). */
    Conversation afterMessages(int added, Instant at) {
        return afterMessages(added, null, null, facts(), at);
    }

    Conversation withContact(String contact) {
        return new Conversation(
                id,
                workspaceId,
                mode,
                contact,
                channel,
                context,
                status,
                triage,
                understanding,
                escalation,
                resolution,
                messageCount,
                createdAt,
                updatedAt);
    }

    Conversation escalated(EscalationReason reason, Priority level, String ticket, Instant at) {
        return with(
                ConversationStatus.ESCALATED,
                triage.at(level),
                understanding,
                new Escalation(reason, ticket),
                resolution,
                messageCount,
                at);
    }

    Conversation resolved(String summary, ResolutionType type, Integer csat, Instant at) {
        return with(
                ConversationStatus.RESOLVED,
                triage,
                understanding,
                escalation,
                new Resolution(summary, type, csat, at),
                messageCount,
                at);
    }

    /**
     * The exchange's outcome over what the locked row holds now ({@code this}): what the turn learned always counts,
     * messages are added to the current count, and the status (with its assignee, priority and ticket) changes only if
     * nobody else changed it meanwhile.
     */
    Conversation merged(Conversation original, Conversation computed) {
        boolean exchangeMovedStatus = computed.status != original.status
                || !java.util.Objects.equals(computed.assignedTo(), original.assignedTo());
        boolean othersMovedStatus =
                status != original.status || !java.util.Objects.equals(assignedTo(), original.assignedTo());
        Conversation base = exchangeMovedStatus && !othersMovedStatus ? computed : this;
        return with(
                base.status,
                new Triage(base.assignedTo(), base.priority(), tags(), notes()),
                computed.understanding,
                base.escalation,
                resolution,
                messageCount + computed.messageCount - original.messageCount,
                computed.updatedAt);
    }

    private Conversation with(
            ConversationStatus newStatus,
            Triage newTriage,
            Understanding newUnderstanding,
            Escalation newEscalation,
            Resolution newResolution,
            int newMessageCount,
            Instant at) {
        return new Conversation(
                id,
                workspaceId,
                mode,
                contactId,
                channel,
                context,
                newStatus,
                newTriage,
                newUnderstanding,
                newEscalation,
                newResolution,
                newMessageCount,
                createdAt,
                at);
    }
}
