package dev.parley.conversation.internal;

import dev.parley.assistant.Assistant;
import dev.parley.assistant.ConversationMemory;
import dev.parley.assistant.ModelWait;
import dev.parley.assistant.Turn;
import dev.parley.assistant.TurnRequest;
import dev.parley.conversation.Channel;
import dev.parley.conversation.ConversationEvents.ConversationCreated;
import dev.parley.conversation.ConversationEvents.ConversationResolved;
import dev.parley.conversation.ConversationEvents.MessageReceived;
import dev.parley.conversation.ConversationEvents.MessageSent;
import dev.parley.conversation.ConversationEvents.TurnRecorded;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.MessageAnalysis;
import dev.parley.conversation.MessageAttachment;
import dev.parley.conversation.MessageRole;
import dev.parley.conversation.Priority;
import dev.parley.conversation.ResolutionType;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.EmailAddresses;
import dev.parley.platform.Ids;
import dev.parley.platform.Languages;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import dev.parley.platform.RequestText;
import dev.parley.tenancy.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Conversations and their messages. A customer's message is stored (and acknowledged) before the assistant runs,
 * so an answer that fails never loses the question; the assistant answers only while no human holds the
 * conversation; an escalation the assistant decides is carried out here.
 */
@Service
class Conversations {

    private static final Logger log = LoggerFactory.getLogger(Conversations.class);
    static final int HISTORY = 12;
    static final int MAX_MESSAGE = 50_000;

    private final ConversationRows conversationRows;
    private final Inbox inbox;
    private final InboxRows marks;
    private final Assistant assistant;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<dev.parley.conversation.Helpdesk> helpdesks;
    private final Workspaces workspaces;
    private final TurnGate gate;

    Conversations(
            ConversationRows conversationRows,
            Inbox inbox,
            InboxRows marks,
            Assistant assistant,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock,
            List<dev.parley.conversation.Helpdesk> helpdesks,
            Workspaces workspaces,
            TurnGate gate) {
        this.conversationRows = conversationRows;
        this.inbox = inbox;
        this.marks = marks;
        this.assistant = assistant;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.helpdesks = helpdesks;
        this.workspaces = workspaces;
        this.gate = gate;
    }

    /**
     * @param handoff whether the customer asked for a person before writing: the assistant does not answer
     * @param language the language the customer asked in ({@code Accept-Language}), or {@code null} when not told:
     *     what the team's notices to them are said in
     */
    record NewConversation(
            String channel,
            String customerEmail,
            String customerName,
            String message,
            Map<String, Object> context,
            boolean handoff,
            Locale language) {

        NewConversation(
                String channel,
                String customerEmail,
                String customerName,
                String message,
                Map<String, Object> context) {
            this(channel, customerEmail, customerName, message, context, false, null);
        }
    }

    /**
     * A customer message and what came back: the assistant's reply and turn, or none while a human holds it.
     *
     * @param visitorToken the token that binds a conversation a publishable key just opened to its visitor (shown
     *     this once), else {@code null}
     */
    record Exchange(Conversation conversation, Message received, Message reply, Turn turn, String visitorToken) {}

    /** A conversation with no message yet, and the token binding it to its visitor when a publishable key opened it. */
    record Opened(Conversation conversation, String visitorToken) {}

    Exchange start(Caller caller, NewConversation request) {
        Channel channel = Channel.fromWire(request.channel() == null ? "api" : request.channel())
                .orElseThrow(() -> ApiException.invalidField("channel", "invalid_value"));
        validMessage(request.message(), "initial_message");
        atMost(request.customerEmail(), MAX_EMAIL, "customer_email");
        if (request.customerEmail() != null
                && !request.customerEmail().isBlank()
                && !EmailAddresses.wellFormed(request.customerEmail().strip())) {
            // A secret key's email is trusted as the customer's: one that is no email is the client's mistake.
            throw ApiException.invalidField("customer_email", "invalid_format");
        }
        atMost(request.customerName(), MAX_NAME, "customer_name");
        Instant now = clock.instant();
        Map<String, Object> context = request.context() == null ? Map.of() : request.context();
        Map<String, String> facts = new HashMap<>();
        if (context.get("order_id") != null) {
            facts.put("order_number", String.valueOf(context.get("order_id")));
        }
        if (!caller.isPublishable()
                && request.customerEmail() != null
                && !request.customerEmail().isBlank()) {
            // A secret key is the store's own server: it vouches for its customer, as a signed token would.
            facts.put(
                    ConversationMemory.VOUCHED_EMAIL,
                    request.customerEmail().strip().toLowerCase(Locale.ROOT));
        }
        if (context.get("customer_token") instanceof String token) {
            // Checked by the store tools against the store's secret; never trusted as it stands.
            facts.put("customer_token", token);
        }
        // Nothing is stored until the turn is done: then the conversation, its contact and both messages are
        // written in one transaction (and nothing if the turn fails).
        Conversation created = Conversation.opened(caller.workspaceId(), caller.mode(), channel, facts, context, now);
        NewContact contact = new NewContact(request.customerEmail(), request.customerName(), visitorToken(caller));
        if (request.handoff()) {
            return handedOff(caller, created, contact, request.message(), request.language());
        }
        return exchange(
                caller,
                created,
                contact,
                Ids.next("msg"),
                request.message(),
                List.of(),
                request.customerName(),
                Watcher.NOBODY);
    }

    /**
     * A new conversation whose customer chose a person before writing: the message is stored and waits for the team,
     * escalated at once ({@code customer_request}); the assistant does not answer it. The customer is told honestly
     * when someone will reply, from the store's working hours.
     */
    private Exchange handedOff(
            Caller caller, Conversation created, NewContact contact, String content, Locale language) {
        Instant receivedAt = clock.instant();
        Message received = new Message(
                Ids.next("msg"),
                created.id(),
                MessageRole.USER,
                content,
                null,
                List.of(),
                List.of(),
                List.of(),
                receivedAt,
                null,
                null);
        EscalationReason reason = EscalationReason.CUSTOMER_REQUEST;
        String ticket = openTicket(caller, created, contact, reason, created.priority(), received);
        Instant toldAt = later(clock.instant(), receivedAt);
        Message notice = new Message(
                Ids.next("msg"),
                created.id(),
                MessageRole.SYSTEM,
                WaitNotice.forCustomer(
                        workspaces.settings(caller.workspaceId()).workingHours(), ticket, toldAt, language),
                null,
                List.of(),
                List.of(),
                List.of(),
                toldAt,
                null,
                null);
        Conversation waiting =
                created.escalated(reason, created.priority(), ticket, toldAt).afterMessages(2, toldAt);
        Conversation saved = save(caller, created, waiting, contact, received, null, notice, null, true);
        return new Exchange(saved, received, null, null, contact.visitorToken());
    }

    /**
     * Who watches the assistant answer a customer's message: told when it is about to (not while a human holds the
     * conversation), before its turn, and handed the reply in pieces as it is written. The pieces are a preview of
     * the reply the exchange returns and stores.
     */
    record Watcher(Runnable answering, Consumer<String> onText) {

        static final Watcher NOBODY = new Watcher(() -> {}, null);
    }

    /**
     * The customer of a new conversation, stored with it when an email or a name is known, and their visitor token
     * when a publishable key opens it.
     */
    private record NewContact(String email, String name, String visitorToken) {}

    /** A publishable key (the widget) reaches only the conversations it opened: each gets its visitor's token. */
    private static String visitorToken(Caller caller) {
        return caller.isPublishable() ? VisitorTokens.next() : null;
    }

    /** A conversation with no message yet, as a session or the widget's socket opens it. */
    Opened open(Caller caller, Channel channel, String userId, Map<String, Object> metadata) {
        Instant now = clock.instant();
        String visitorToken = visitorToken(caller);
        Map<String, Object> context = new LinkedHashMap<>(metadata);
        if (userId != null) {
            context.put("user_id", userId);
        }
        return transactions.execute(status -> {
            Conversation created =
                    Conversation.opened(caller.workspaceId(), caller.mode(), channel, Map.of(), context, now);
            conversationRows.insert(created);
            if (visitorToken != null) {
                conversationRows.bindVisitor(caller.workspaceId(), caller.mode(), created.id(), visitorToken);
            }
            events.publishEvent(new ConversationCreated(caller.workspaceId(), caller.mode(), created.id(), channel));
            return new Opened(created, visitorToken);
        });
    }

    Exchange send(Caller caller, String conversationId, String content, List<MessageAttachment> attachments) {
        return send(caller, conversationId, Ids.next("msg"), content, attachments);
    }

    /**
     * As above, the customer message stored under {@code messageId} (a new {@code msg_} id the caller made), so that
     * a sender can recognise its own message when it goes live.
     */
    Exchange send(
            Caller caller,
            String conversationId,
            String messageId,
            String content,
            List<MessageAttachment> attachments) {
        return send(caller, conversationId, messageId, content, attachments, Watcher.NOBODY);
    }

    /**
     * As above, the {@code watcher}'s {@code answering} run once the conversation is read and the assistant is to
     * answer, just before its turn (a socket shows the assistant typing from the one read the message needs anyway),
     * and its reply handed to the watcher's {@code onText} as it is written (when it has one).
     */
    Exchange send(
            Caller caller,
            String conversationId,
            String messageId,
            String content,
            List<MessageAttachment> attachments,
            Watcher watcher) {
        validMessage(content, "content");
        Conversation conversation = get(caller, conversationId);
        conversation.acceptCustomerMessage();
        String name = conversation.contactId() == null
                ? null
                : conversationRows
                        .findContactById(caller.workspaceId(), caller.mode(), conversation.contactId())
                        .map(ConversationRows.Contact::name)
                        .orElse(null);
        return exchange(
                caller,
                conversation,
                null,
                messageId,
                content,
                attachments == null ? List.of() : attachments,
                name,
                watcher);
    }

    /**
     * One customer message and its answer. {@code contact} is non-null for a conversation not stored yet. The turn
     * runs first; then everything is written in one transaction, so the reply the caller receives is stored.
     */
    private Exchange exchange(
            Caller caller,
            Conversation conversation,
            NewContact contact,
            String messageId,
            String content,
            List<MessageAttachment> attachments,
            String name,
            Watcher watcher) {
        boolean isNew = contact != null;
        Instant receivedAt = clock.instant();
        Message received = new Message(
                messageId,
                conversation.id(),
                MessageRole.USER,
                content,
                null,
                List.of(),
                List.of(),
                attachments,
                receivedAt,
                null,
                null);
        // A customer message reopens a resolved conversation for the assistant; nobody holds it any more.
        Conversation current = conversation.is(ConversationStatus.RESOLVED)
                ? conversation.movedTo(ConversationStatus.ACTIVE, null, receivedAt)
                : conversation;
        Conversation reopened = current.afterMessages(1, receivedAt);
        if (!reopened.assistantAnswers()) {
            Conversation saved = save(caller, conversation, reopened, contact, received, null, null, null, isNew);
            return new Exchange(saved, received, null, null, isNew ? contact.visitorToken() : null);
        }
        // A turn that fails, or is refused for want of a place, stores nothing: the request happens completely or
        // not at all, so a retry duplicates nothing. Only a turn that has its place is announced as answering. While
        // the turn waits for a remote model its place serves other turns; it takes one again for the rest of its work.
        try (TurnGate.Permit place = gate.enter()) {
            watcher.answering().run();
            return ModelWait.around(
                    place, () -> answer(caller, conversation, reopened, contact, received, content, name, watcher));
        }
    }

    /** The assistant's turn on a customer message, and everything it changed stored in one transaction. */
    private Exchange answer(
            Caller caller,
            Conversation conversation,
            Conversation reopened,
            NewContact contact,
            Message received,
            String content,
            String name,
            Watcher watcher) {
        boolean isNew = contact != null;
        Instant receivedAt = received.createdAt();
        Turn turn = turn(caller, reopened, content, name, watcher.onText());
        Instant repliedAt = later(clock.instant(), receivedAt);
        Message reply = new Message(
                Ids.next("msg"),
                conversation.id(),
                MessageRole.ASSISTANT,
                turn.reply(),
                analysis(turn),
                publicActions(turn.actions()),
                turn.sources(),
                List.of(),
                repliedAt,
                null,
                null);
        Conversation answered = reopened.afterMessages(
                1,
                turn.analysis().intent(),
                turn.analysis().sentiment(),
                turn.memory().toFacts(),
                repliedAt);
        if (turn.escalation() != null) {
            String ticket = reopened.ticketId() != null
                    ? reopened.ticketId()
                    : openTicket(caller, reopened, contact, reason(turn), priority(turn), received);
            answered = answered.escalated(reason(turn), priority(turn), ticket, repliedAt);
        }
        Conversation saved = save(caller, conversation, answered, contact, received, reply, null, turn, isNew);
        return new Exchange(saved, received, reply, turn, isNew ? contact.visitorToken() : null);
    }

    private Conversation save(
            Caller caller,
            Conversation original,
            Conversation conversation,
            NewContact contact,
            Message received,
            Message reply,
            Message handoffNotice,
            Turn turn,
            boolean isNew) {
        return transactions.execute(tx -> {
            Conversation stored = conversation;
            if (isNew) {
                String contactId = contact.email() == null && contact.name() == null
                        ? null
                        : conversationRows
                                .contact(
                                        caller.workspaceId(),
                                        caller.mode(),
                                        contact.email(),
                                        contact.name(),
                                        conversation.createdAt())
                                .id();
                stored = conversation.withContact(contactId);
                conversationRows.insert(stored);
                if (contact.visitorToken() != null) {
                    conversationRows.bindVisitor(
                            caller.workspaceId(), caller.mode(), stored.id(), contact.visitorToken());
                }
                events.publishEvent(
                        new ConversationCreated(caller.workspaceId(), caller.mode(), stored.id(), stored.channel()));
            } else {
                // Agents may have changed the conversation while the assistant thought: merge onto the locked row.
                Conversation fresh = conversationRows.lock(caller, stored.id()).orElseThrow();
                stored = fresh.merged(original, stored);
                conversationRows.update(stored);
            }
            conversationRows.insert(caller.workspaceId(), caller.mode(), received);
            events.publishEvent(new MessageReceived(
                    caller.workspaceId(), caller.mode(), stored.id(), received.id(), received.content()));
            if (reply != null) {
                conversationRows.insert(caller.workspaceId(), caller.mode(), reply);
                events.publishEvent(new MessageSent(
                        caller.workspaceId(),
                        caller.mode(),
                        stored.id(),
                        reply.id(),
                        MessageRole.ASSISTANT,
                        reply.content()));
            }
            if (handoffNotice != null) {
                conversationRows.insert(caller.workspaceId(), caller.mode(), handoffNotice);
            }
            if (turn != null) {
                events.publishEvent(new TurnRecorded(
                        caller.workspaceId(),
                        caller.mode(),
                        stored.id(),
                        stored.contactId(),
                        reply.id(),
                        turn.analysis().intent(),
                        turn.analysis().sentiment(),
                        turn.analysis().confidence(),
                        publicActions(turn.actions()),
                        java.time.Duration.between(received.createdAt(), reply.createdAt())
                                .toMillis(),
                        turn.escalation() != null));
                // The turn only reports its gap: published here, it is stored (and sent) with the turn or not at all.
                if (turn.knowledgeGap() != null) {
                    events.publishEvent(turn.knowledgeGap());
                }
            }
            boolean escalatedNow = handoffNotice != null || (turn != null && turn.escalation() != null);
            if (escalatedNow && stored.is(ConversationStatus.ESCALATED)) {
                stored = inbox.escalated(stored, stored.escalationReason(), stored.updatedAt());
            }
            return stored;
        });
    }

    private Turn turn(Caller caller, Conversation conversation, String content, String name, Consumer<String> onText) {
        // The message being answered is not stored yet, so everything stored is history; a new conversation has none.
        List<TurnRequest.PriorMessage> history = conversation.messageCount() <= 1
                ? List.of()
                : conversationRows.messages(caller.workspaceId(), caller.mode(), conversation.id(), HISTORY).stream()
                        .filter(m -> m.role() != MessageRole.SYSTEM && !m.isPrivate())
                        .map(m -> new TurnRequest.PriorMessage(
                                TurnRequest.Speaker.fromWire(m.role().wire()), m.content()))
                        .toList();
        TurnRequest request = new TurnRequest(
                caller.workspaceId(),
                caller.mode(),
                conversation.id(),
                content,
                history,
                ConversationMemory.fromFacts(conversation.facts()),
                name);
        return onText == null ? assistant.respond(request) : assistant.respond(request, onText);
    }

    record Escalated(Conversation conversation, String customerMessage) {}

    /**
     * @param language the language the request asked in, or {@code null}: then the one the assistant read in the
     *     customer's last message, else English
     */
    Escalated escalate(
            Caller caller, String conversationId, String reason, String priority, String notes, Locale language) {
        Conversation conversation = get(caller, conversationId);
        conversation.acceptEscalation();
        Priority level = priority == null
                ? conversation.priority()
                : Priority.fromWire(priority).orElseThrow(() -> ApiException.invalidField("priority", "invalid_value"));
        EscalationReason why = EscalationReason.given(reason);
        if (notes != null && notes.length() > Inbox.MAX_NOTES) {
            throw ApiException.invalidField("notes", "too_long");
        }
        Instant now = clock.instant();
        // A connected helpdesk opens its ticket before the row is locked: no lock waits on another system.
        String external =
                conversation.ticketId() != null ? null : openTicket(caller, conversation, null, why, level, null);
        String[] message = new String[1];
        Conversation stored = transactions.execute(tx -> {
            Conversation fresh = conversationRows
                    .lock(caller, conversationId)
                    .orElseThrow(() -> ApiException.notFound("conversation", conversationId));
            fresh.acceptEscalation();
            String ticket = fresh.ticketId() != null ? fresh.ticketId() : external;
            message[0] = WaitNotice.escalated(ticket, language != null ? language : lastReadLanguage(caller, fresh));
            Conversation escalated = fresh.escalated(why, level, ticket, now)
                    .movedTo(ConversationStatus.ESCALATED, null, now)
                    .afterMessages(1, now);
            Message notice = new Message(
                    Ids.next("msg"),
                    conversationId,
                    MessageRole.SYSTEM,
                    message[0],
                    notes == null ? null : MessageAnalysis.notes(notes),
                    List.of(),
                    List.of(),
                    List.of(),
                    now,
                    null,
                    null);
            conversationRows.update(escalated);
            conversationRows.insert(caller.workspaceId(), caller.mode(), notice);
            if (fresh.assignedTo() != null && fresh.is(ConversationStatus.ASSIGNED)) {
                // Escalating a held conversation puts it back in the queue.
                marks.endAssignment(caller.workspaceId(), conversationId, now);
                events.publishEvent(new dev.parley.conversation.ConversationEvents.ConversationAssigned(
                        caller.workspaceId(), caller.mode(), conversationId, null, fresh.assignedTo()));
            }
            return inbox.escalated(escalated, escalated.escalationReason(), now);
        });
        return new Escalated(stored, message[0]);
    }

    Conversation resolve(Caller caller, String conversationId, String summary, String type, Integer csat) {
        Conversation conversation = get(caller, conversationId);
        conversation.acceptResolution();
        ResolutionType resolutionType = type == null
                ? (conversation.escalationReason() == null ? ResolutionType.AUTOMATED : ResolutionType.AGENT)
                : ResolutionType.fromWire(type)
                        .orElseThrow(() -> ApiException.invalidField("resolution_type", "invalid_value"));
        if (csat != null && (csat < 1 || csat > 5)) {
            throw ApiException.invalidField("csat_score", "out_of_range");
        }
        if (summary != null && summary.length() > 2000) {
            throw ApiException.invalidField("resolution_summary", "too_long");
        }
        Instant now = clock.instant();
        Conversation resolved = transactions.execute(tx -> {
            Conversation fresh = conversationRows
                    .lock(caller, conversationId)
                    .orElseThrow(() -> ApiException.notFound("conversation", conversationId));
            fresh.acceptResolution();
            Conversation done = fresh.resolved(summary, resolutionType, csat, now);
            conversationRows.update(done);
            if (fresh.is(ConversationStatus.ASSIGNED) && fresh.assignedTo() != null) {
                marks.resolvedBy(caller.workspaceId(), conversationId, fresh.assignedTo());
                marks.resolveAssignment(caller.workspaceId(), conversationId, now);
            }
            events.publishEvent(new ConversationResolved(
                    caller.workspaceId(), caller.mode(), conversationId, resolutionType, csat));
            if (csat != null) {
                inbox.record(caller.workspaceId(), caller.mode(), done, csat, null, now);
            }
            return done;
        });
        return resolved;
    }

    /** The language the assistant read in the customer's last message it answered, else English. */
    private Locale lastReadLanguage(Caller caller, Conversation conversation) {
        List<Message> recent = conversationRows.messages(caller.workspaceId(), caller.mode(), conversation.id(), 20);
        for (int i = recent.size() - 1; i >= 0; i--) {
            MessageAnalysis analysis = recent.get(i).analysis();
            if (analysis != null && analysis.language() instanceof String language) {
                return Languages.preferred(language);
            }
        }
        return Locale.ENGLISH;
    }

    Conversation get(Caller caller, String conversationId) {
        return conversationRows
                .find(caller, conversationId)
                .orElseThrow(() -> ApiException.notFound("conversation", conversationId));
    }

    List<Message> messages(Caller caller, String conversationId, int limit) {
        return conversationRows.messages(caller.workspaceId(), caller.mode(), conversationId, limit);
    }

    ConversationRows.Contact contact(Caller caller, Conversation conversation) {
        return conversationRows
                .findContactById(caller.workspaceId(), caller.mode(), conversation.contactId())
                .orElse(new ConversationRows.Contact(conversation.contactId(), null, null));
    }

    /** The customer emails of a page of conversations, by contact id. */
    Map<String, String> contactEmails(Caller caller, List<Conversation> conversations) {
        return conversationRows.emails(
                caller.workspaceId(),
                caller.mode(),
                conversations.stream()
                        .map(Conversation::contactId)
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList());
    }

    Page<Conversation> list(Caller caller, ConversationRows.Filter filter, PageQuery page) {
        return Page.of(
                conversationRows.page(caller.workspaceId(), caller.mode(), filter, page),
                page,
                conversationRows.count(caller.workspaceId(), caller.mode(), filter));
    }

    /** What a contact's email (RFC 5321's longest path) and name columns hold. */
    private static final int MAX_EMAIL = 254;

    private static final int MAX_NAME = 200;

    private static void atMost(String value, int length, String field) {
        if (value != null && value.length() > length) {
            throw ApiException.invalidField(field, "too_long");
        }
    }

    private static void validMessage(String content, String field) {
        // Only spaces and control characters (what trim() removes) say nothing: such a message is missing.
        if (content == null || content.trim().isBlank()) {
            throw ApiException.missingField(field);
        }
        if (content.length() > MAX_MESSAGE) {
            throw ApiException.invalidField(field, "too_long");
        }
        // JSON bodies are checked as they are read; socket frames come here unchecked.
        RequestText.require(field, content);
    }

    /** Passages stay out of actions: the message's sources carry what the reply rests on. */
    static List<dev.parley.assistant.ActionTaken> publicActions(List<dev.parley.assistant.ActionTaken> actions) {
        return actions.stream()
                .map(a -> {
                    Map<String, Object> details = new LinkedHashMap<>(a.details());
                    details.remove("passages");
                    return new dev.parley.assistant.ActionTaken(a.type(), a.tool(), a.status(), details);
                })
                .toList();
    }

    private static MessageAnalysis analysis(Turn turn) {
        Turn.Analysis read = turn.analysis();
        return new MessageAnalysis(
                read.intent(),
                read.otherIntents(),
                read.sentiment(),
                read.confidence(),
                read.language(),
                turn.model(),
                turn.timings(),
                null);
    }

    /** The assistant names its reason in the catalogue's words (its turn is not typed with conversation's words). */
    private static EscalationReason reason(Turn turn) {
        return EscalationReason.fromWire(turn.escalation().reason());
    }

    /** The assistant names a priority in its own words; one Parley does not know counts as normal. */
    private static Priority priority(Turn turn) {
        return turn.escalation().priority() == null
                ? Priority.NORMAL
                : Priority.fromWire(turn.escalation().priority()).orElse(Priority.NORMAL);
    }

    /**
     * The connected helpdesk's ticket for an escalation, or Parley's own reference when there is none. {@code
     * contact} is the customer of a conversation not stored yet; {@code pending} the message not stored yet.
     */
    private String openTicket(
            Caller caller,
            Conversation conversation,
            NewContact contact,
            EscalationReason reason,
            Priority priority,
            Message pending) {
        if (helpdesks.isEmpty()) {
            return ticketNumber();
        }
        List<dev.parley.conversation.Helpdesk.TranscriptLine> transcript = new java.util.ArrayList<>(
                conversationRows.messages(caller.workspaceId(), caller.mode(), conversation.id(), HISTORY).stream()
                        .map(m -> new dev.parley.conversation.Helpdesk.TranscriptLine(m.role(), m.content()))
                        .toList());
        if (pending != null) {
            transcript.add(new dev.parley.conversation.Helpdesk.TranscriptLine(MessageRole.USER, pending.content()));
        }
        ConversationRows.Contact known = contact != null
                ? new ConversationRows.Contact(null, contact.email(), contact.name())
                : conversation.contactId() == null ? null : contact(caller, conversation);
        var escalation = new dev.parley.conversation.Helpdesk.Escalation(
                caller.workspaceId(),
                caller.mode(),
                conversation.id(),
                known == null ? null : known.email(),
                known == null ? null : known.name(),
                reason,
                priority,
                transcript,
                pending == null ? null : pending.id());
        return helpdesks.stream()
                .map(h -> h.openTicket(escalation))
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .orElseGet(Conversations::ticketNumber);
    }

    /** A short reference the customer can quote: T- and eight letters or digits. */
    private static String ticketNumber() {
        return "T-" + Ids.random(8).toUpperCase(java.util.Locale.ROOT);
    }

    private static Instant later(Instant candidate, Instant than) {
        return candidate.isAfter(than) ? candidate : than.plusMillis(1);
    }
}
