package dev.parley.conversation.internal;

import dev.parley.conversation.ConversationEvents.ConversationAssigned;
import dev.parley.conversation.ConversationEvents.ConversationClosed;
import dev.parley.conversation.ConversationEvents.ConversationEscalated;
import dev.parley.conversation.ConversationEvents.ConversationResolved;
import dev.parley.conversation.ConversationEvents.FeedbackSubmitted;
import dev.parley.conversation.ConversationEvents.MessageSent;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.MessageAttachment;
import dev.parley.conversation.MessageRole;
import dev.parley.conversation.Priority;
import dev.parley.conversation.ResolutionType;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.Ids;
import dev.parley.platform.Mode;
import dev.parley.tenancy.Agent;
import dev.parley.tenancy.AgentDeactivated;
import dev.parley.tenancy.Agents;
import dev.parley.tenancy.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The human side of conversations: assignment (by the workspace's strategy when a conversation is escalated, or by
 * hand), agents' replies and private notes, status changes, hand-back to the assistant, and feedback. Every change
 * locks the conversation row first, so concurrent changes to one conversation queue up and none is lost; each fact
 * is published once, inside the transaction that stored it.
 */
@Service
class Inbox {

    /** Who signs a reply made with an API key to a conversation no agent holds. */
    static final String TEAM_SENDER = "Support team";

    static final int MAX_TAGS = 50;
    static final int MAX_NOTES = 10_000;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N} _:.-]{1,50}");

    private final ConversationRows conversationRows;
    private final InboxRows inbox;
    private final Agents agents;
    private final Workspaces workspaces;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Inbox(
            ConversationRows conversationRows,
            InboxRows inbox,
            Agents agents,
            Workspaces workspaces,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.conversationRows = conversationRows;
        this.inbox = inbox;
        this.agents = agents;
        this.workspaces = workspaces;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A change of the inbox's fields; {@code assignedToGiven} tells an explicit {@code "assigned_to": null}
     * (unassign) from a field left out. {@code null} elsewhere means unchanged.
     */
    record Change(
            String status,
            boolean assignedToGiven,
            String assignedTo,
            List<String> tags,
            String notes,
            String priority) {}

    Conversation change(Caller caller, String conversationId, Change change) {
        validate(change);
        return transactions.execute(tx -> {
            Conversation current = locked(caller, conversationId);
            Instant now = clock.instant();
            String assignee = change.assignedToGiven() ? change.assignedTo() : current.assignedTo();
            if (change.assignedToGiven() && assignee != null) {
                Agent agent = agents.find(caller.workspaceId(), assignee)
                        .filter(Agent::active)
                        .orElseThrow(() -> ApiException.invalidField("assigned_to", "invalid_value"));
                assignee = agent.id();
            }
            ConversationStatus target = target(change, current, assignee);
            if (target == ConversationStatus.ACTIVE || target == ConversationStatus.ESCALATED) {
                // Back to the assistant, or back in the queue: nobody holds it.
                assignee = null;
            }
            if (target == ConversationStatus.ASSIGNED && assignee == null) {
                throw ApiException.missingField("assigned_to");
            }
            if (current.is(ConversationStatus.CLOSED) || target != current.status()) {
                current.acceptTransition(target);
            }
            Conversation changed = current.changed(
                    target,
                    new Conversation.Triage(
                            assignee,
                            change.priority() == null ? current.priority() : priority(change.priority()),
                            change.tags() == null ? current.tags() : List.copyOf(change.tags()),
                            change.notes() == null ? current.notes() : change.notes()),
                    now);
            return apply(caller.workspaceId(), caller.mode(), current, changed, caller.agentId(), now);
        });
    }

    /**
     * The status a change asks for: the one named, else what a new assignee implies (assigned; unassigning a held
     * conversation puts it back in the queue), else the current one.
     */
    private static ConversationStatus target(Change change, Conversation current, String assignee) {
        if (change.status() != null) {
            return status(change.status());
        }
        if (change.assignedToGiven() && !java.util.Objects.equals(assignee, current.assignedTo())) {
            return assignee != null
                    ? ConversationStatus.ASSIGNED
                    : current.is(ConversationStatus.ASSIGNED) ? ConversationStatus.ESCALATED : current.status();
        }
        return current.status();
    }

    /** Returns the conversation to the assistant: active, nobody holding it. */
    Conversation handBack(Caller caller, String conversationId) {
        return transactions.execute(tx -> {
            Conversation current = locked(caller, conversationId);
            current.acceptTransition(ConversationStatus.ACTIVE);
            Instant now = clock.instant();
            Conversation changed = current.movedTo(ConversationStatus.ACTIVE, null, now);
            return apply(caller.workspaceId(), caller.mode(), current, changed, caller.agentId(), now);
        });
    }

    /**
     * Stores a changed conversation and everything that follows from the change: the assignment history, the marks,
     * the events, and an assignment by strategy when it has just been escalated.
     */
    private Conversation apply(
            String workspaceId, Mode mode, Conversation before, Conversation after, String actor, Instant now) {
        Conversation stored = after;
        boolean resolvedNow = after.is(ConversationStatus.RESOLVED) && !before.is(ConversationStatus.RESOLVED);
        if (resolvedNow) {
            stored = after.resolved(
                    after.resolutionSummary(),
                    before.heldByHumans() ? ResolutionType.AGENT : ResolutionType.AUTOMATED,
                    after.csatScore(),
                    now);
        }
        conversationRows.update(stored);
        boolean assigneeChanged = !java.util.Objects.equals(before.assignedTo(), after.assignedTo());
        ConversationStatus status = after.status();
        if (resolvedNow) {
            String by = after.assignedTo() != null ? after.assignedTo() : actor;
            inbox.resolvedBy(workspaceId, before.id(), by);
            inbox.resolveAssignment(workspaceId, before.id(), now);
            events.publishEvent(new ConversationResolved(
                    workspaceId, mode, before.id(), stored.resolutionType(), stored.csatScore()));
        } else if (status == ConversationStatus.CLOSED) {
            inbox.closed(workspaceId, before.id(), now);
            inbox.endAssignment(workspaceId, before.id(), now);
            events.publishEvent(new ConversationClosed(workspaceId, mode, before.id(), actor));
        } else if (assigneeChanged) {
            inbox.endAssignment(workspaceId, before.id(), now);
            if (after.assignedTo() != null) {
                inbox.startAssignment(workspaceId, mode, before.id(), after.assignedTo(), now);
            }
        }
        if (assigneeChanged && status != ConversationStatus.CLOSED && status != ConversationStatus.RESOLVED) {
            events.publishEvent(
                    new ConversationAssigned(workspaceId, mode, before.id(), after.assignedTo(), before.assignedTo()));
        }
        if (status == ConversationStatus.ESCALATED && before.is(ConversationStatus.ACTIVE)) {
            stored = escalated(stored, EscalationReason.MANUAL, now);
        }
        return stored;
    }

    /**
     * Inside the escalating transaction: gives the escalated conversation to an agent ({@link #assignOnEscalation}),
     * then publishes {@code conversation.escalated} naming that agent (seed 002's {@code assigned_agent}) and, when
     * one took it, {@code conversation.assigned}: receivers hear of the escalation first, as it happened.
     */
    Conversation escalated(Conversation escalated, EscalationReason reason, Instant now) {
        Conversation assigned = assignOnEscalation(escalated, now);
        String agent = assigned.assignedTo();
        Object userId = escalated.context() == null ? null : escalated.context().get("user_id");
        events.publishEvent(new ConversationEscalated(
                escalated.workspaceId(),
                escalated.mode(),
                escalated.id(),
                userId instanceof String user ? user : null,
                reason,
                agent,
                escalated.priority(),
                escalated.ticketId()));
        if (agent != null) {
            events.publishEvent(
                    new ConversationAssigned(escalated.workspaceId(), escalated.mode(), escalated.id(), agent, null));
        }
        return assigned;
    }

    /**
     * Inside the escalating transaction, for {@link #escalated}: gives an escalated conversation nobody holds to one of the workspace's online
     * agents below capacity, by the workspace's strategy. Round robin takes the agent assigned least recently; least
     * loaded the one holding fewest (then the least recent). The online agents' rows stay locked until commit, so
     * escalations on several nodes at once take turns and round robin never gives two of them the same turn.
     */
    Conversation assignOnEscalation(Conversation escalated, Instant now) {
        if (!escalated.is(ConversationStatus.ESCALATED) || escalated.assignedTo() != null) {
            return escalated;
        }
        String strategy = workspaces.settings(escalated.workspaceId()).assignmentStrategy();
        if (strategy.equals("manual")) {
            return escalated;
        }
        List<Agent> online = agents.lockOnline(escalated.workspaceId());
        if (online.isEmpty()) {
            return escalated;
        }
        Map<String, Integer> loads = inbox.activeLoads(escalated.workspaceId());
        Comparator<Agent> leastRecent = Comparator.comparing(
                        Agent::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Agent::id);
        Comparator<Agent> order = strategy.equals("least_loaded")
                ? Comparator.<Agent>comparingInt(a -> loads.getOrDefault(a.id(), 0))
                        .thenComparing(leastRecent)
                : leastRecent;
        Optional<Agent> chosen = online.stream()
                .filter(a -> loads.getOrDefault(a.id(), 0) < a.capacity())
                .min(order);
        if (chosen.isEmpty()) {
            return escalated;
        }
        // Strictly after every earlier turn, so turns taken in the same millisecond still keep their order.
        Instant turn = online.stream()
                .map(Agent::lastAssignedAt)
                .filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder())
                .filter(last -> !last.isBefore(now))
                .map(last -> last.plusMillis(1))
                .orElse(now);
        agents.assigned(escalated.workspaceId(), chosen.get().id(), turn);
        Conversation assigned =
                escalated.movedTo(ConversationStatus.ASSIGNED, chosen.get().id(), escalated.updatedAt());
        conversationRows.update(assigned);
        inbox.startAssignment(
                escalated.workspaceId(),
                escalated.mode(),
                escalated.id(),
                chosen.get().id(),
                now);
        return assigned;
    }

    /** An agent's reply (role {@code agent}), with the agent who wrote it. */
    record Reply(Message message, Conversation conversation, String senderId, String senderName) {}

    /**
     * A reply by the signed-in agent, else by the conversation's assignee, else by the team ({@link #TEAM_SENDER}). A
     * signed-in agent replying to a conversation nobody holds takes it.
     */
    Reply reply(Caller caller, String conversationId, String text, List<MessageAttachment> attachments) {
        validText(text, "text");
        List<MessageAttachment> files = attachments == null ? List.of() : attachments;
        if (files.size() > 10) {
            throw ApiException.invalidField("attachments", "out_of_range");
        }
        for (MessageAttachment file : files) {
            if (file == null
                    || file.url() == null
                    || file.url().isBlank()
                    || file.url().length() > 2000) {
                throw ApiException.invalidField("attachments.url", "invalid_value");
            }
        }
        return transactions.execute(tx -> {
            Conversation current = locked(caller, conversationId);
            current.acceptMessage();
            Instant now = later(clock.instant(), inbox.lastMessageAt(caller.workspaceId(), conversationId));
            Conversation conversation = current;
            if (caller.isAgent()
                    && current.assignedTo() == null
                    && (current.is(ConversationStatus.ACTIVE) || current.is(ConversationStatus.ESCALATED))) {
                conversation = apply(
                        caller.workspaceId(),
                        caller.mode(),
                        current,
                        current.movedTo(ConversationStatus.ASSIGNED, caller.agentId(), now),
                        caller.agentId(),
                        now);
            }
            Optional<Agent> sender =
                    agents.find(caller.workspaceId(), caller.isAgent() ? caller.agentId() : conversation.assignedTo());
            String senderId = sender.map(Agent::id).orElse(null);
            String senderName = sender.map(Agent::name).orElse(TEAM_SENDER);
            Message message = new Message(
                    Ids.next("msg"),
                    conversationId,
                    MessageRole.AGENT,
                    text,
                    null,
                    List.of(),
                    List.of(),
                    files,
                    now,
                    senderId,
                    senderName);
            conversationRows.insert(caller.workspaceId(), caller.mode(), message);
            inbox.countMessage(caller.workspaceId(), conversationId, now);
            inbox.markRead(caller.workspaceId(), conversationId, now);
            if (senderId != null) {
                inbox.firstResponse(caller.workspaceId(), conversationId, senderId, now);
            }
            events.publishEvent(new MessageSent(
                    caller.workspaceId(),
                    caller.mode(),
                    conversationId,
                    message.id(),
                    MessageRole.AGENT,
                    message.content()));
            return new Reply(message, conversation, senderId, senderName);
        });
    }

    /** A private note: for agents only, never shown to the customer nor to the assistant, and not published. */
    Message note(Caller caller, String conversationId, String content) {
        validText(content, "content");
        return transactions.execute(tx -> {
            Conversation current = locked(caller, conversationId);
            current.acceptMessage();
            Instant now = later(clock.instant(), inbox.lastMessageAt(caller.workspaceId(), conversationId));
            Optional<Agent> author = agents.find(caller.workspaceId(), caller.agentId());
            Message note = new Message(
                    Ids.next("msg"),
                    conversationId,
                    MessageRole.NOTE,
                    content,
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    now,
                    author.map(Agent::id).orElse(null),
                    author.map(Agent::name).orElse(TEAM_SENDER));
            conversationRows.insert(caller.workspaceId(), caller.mode(), note);
            return note;
        });
    }

    record Feedback(String id, String conversationId, int rating, String comment, String agentId, Instant createdAt) {}

    Feedback feedback(Caller caller, String conversationId, Integer rating, String comment) {
        if (rating == null) {
            throw ApiException.missingField("rating");
        }
        if (rating < 1 || rating > 5) {
            throw ApiException.invalidField("rating", "out_of_range");
        }
        if (comment != null && comment.length() > 2000) {
            throw ApiException.invalidField("comment", "too_long");
        }
        return transactions.execute(tx -> {
            Conversation current = locked(caller, conversationId);
            return record(caller.workspaceId(), caller.mode(), current, rating, comment, clock.instant());
        });
    }

    /** Records a rating of the conversation for the agent who holds (or last held) it, and publishes it. */
    Feedback record(String workspaceId, Mode mode, Conversation conversation, int rating, String comment, Instant at) {
        String id = Ids.next("fb");
        String agentId = conversation.assignedTo();
        inbox.insertFeedback(id, workspaceId, mode, conversation.id(), agentId, rating, comment, at);
        events.publishEvent(new FeedbackSubmitted(workspaceId, mode, conversation.id(), id, rating, comment, agentId));
        return new Feedback(id, conversation.id(), rating, comment, agentId, at);
    }

    /** A signed-in agent opened the conversation: its customer messages so far are read. */
    void read(Caller caller, String conversationId) {
        if (caller.isAgent()) {
            inbox.markRead(caller.workspaceId(), conversationId, clock.instant());
        }
    }

    /**
     * A deactivated agent's conversations go back to the queue (escalated, nobody holding them), in the transaction
     * that deactivated them.
     */
    @EventListener
    void on(AgentDeactivated event) {
        Instant now = clock.instant();
        for (InboxRows.Held held : inbox.heldBy(event.workspaceId(), event.agentId())) {
            conversationRows
                    .lock(event.workspaceId(), held.mode(), held.conversationId())
                    .ifPresent(current -> {
                        Conversation queued = current.movedTo(ConversationStatus.ESCALATED, null, now);
                        apply(event.workspaceId(), held.mode(), current, queued, null, now);
                    });
        }
    }

    /** The status a client named, or the 400 every endpoint gives for an unknown one. */
    static ConversationStatus status(String wire) {
        return ConversationStatus.fromWire(wire)
                .orElseThrow(() -> ApiException.invalidField("status", "invalid_value"));
    }

    /** The priority a client named, or the 400 every endpoint gives for an unknown one. */
    static Priority priority(String wire) {
        return Priority.fromWire(wire).orElseThrow(() -> ApiException.invalidField("priority", "invalid_value"));
    }

    private Conversation locked(Caller caller, String conversationId) {
        return conversationRows
                .lock(caller, conversationId)
                .orElseThrow(() -> ApiException.notFound("conversation", conversationId));
    }

    private static void validate(Change change) {
        if (change.status() != null) {
            status(change.status());
        }
        if (change.priority() != null) {
            priority(change.priority());
        }
        if (change.notes() != null && change.notes().length() > MAX_NOTES) {
            throw ApiException.invalidField("notes", "too_long");
        }
        if (change.tags() != null) {
            validTags(change.tags());
        }
    }

    static List<String> validTags(List<String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw ApiException.invalidField("tags", "out_of_range");
        }
        List<String> valid = new ArrayList<>();
        for (String tag : tags) {
            if (tag == null || !TAG.matcher(tag).matches()) {
                throw ApiException.invalidField("tags", "invalid_value");
            }
            valid.add(tag);
        }
        return valid;
    }

    private static void validText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw ApiException.missingField(field);
        }
        if (text.length() > Conversations.MAX_MESSAGE) {
            throw ApiException.invalidField(field, "too_long");
        }
    }

    private static Instant later(Instant candidate, Instant than) {
        return than == null || candidate.isAfter(than) ? candidate : than.plusMillis(1);
    }
}
