package dev.parley.conversation.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.assistant.ActionTaken;
import dev.parley.assistant.Citation;
import dev.parley.conversation.Channel;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.MessageAnalysis;
import dev.parley.conversation.MessageAttachment;
import dev.parley.conversation.MessageRole;
import dev.parley.conversation.Priority;
import dev.parley.conversation.ResolutionType;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.DateRange;
import dev.parley.platform.Languages;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import dev.parley.platform.WidgetAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Seed 001's conversations API, and seed 002's create-or-send on the same {@code POST /v1/conversations}: a body
 * with {@code initial_message} is answered in seed 001's shape, one with {@code message} in seed 002's.
 */
@RestController
class ConversationController {

    private final Conversations conversations;
    private final Inbox inbox;
    private final MessageSource messages;

    ConversationController(Conversations conversations, Inbox inbox, MessageSource messages) {
        this.conversations = conversations;
        this.inbox = inbox;
        this.messages = messages;
    }

    /** Seed 001's fields and seed 002's, each also in the camelCase its JavaScript SDKs write. */
    record CreateRequest(
            @JsonDeserialize(using = TextOnly.class) String channel,

            @JsonAlias("customerEmail") @JsonDeserialize(using = TextOnly.class)
            String customerEmail,

            @JsonAlias("customerName") @JsonDeserialize(using = TextOnly.class)
            String customerName,

            @JsonAlias("initialMessage") @JsonDeserialize(using = TextOnly.class)
            String initialMessage,

            Map<String, Object> context,
            // Parley's: the customer chose a person before writing (the widget's pre-chat choice)
            Boolean handoff,
            // seed 002
            @JsonDeserialize(using = TextOnly.class) String message,
            @JsonAlias("conversationId") String conversationId,
            @JsonAlias("userId") String userId,
            Map<String, Object> metadata) {}

    /** Seed 001's {@code content}; seed 002's SDKs send a message as {@code message}, seed 003 as {@code text}. */
    record SendRequest(
            @JsonAlias({"message", "text"})
            @io.swagger.v3.oas.annotations.media.Schema(
                    description = "The customer's message; also read as message (seed 002) or text (seed 003)")
            @JsonDeserialize(using = TextOnly.class)
            String content,

            List<MessageAttachment> attachments) {}

    record EscalateRequest(String reason, String priority, String notes) {}

    record ResolveRequest(String resolutionSummary, String resolutionType, Integer csatScore) {}

    /**
     * What came back for the customer's message: the assistant's reply ({@code status} {@code answered}), or, while a
     * person holds the conversation, a short notice that the team has it ({@code status} {@code with_agent}). Never
     * {@code null}, so a seed 001 client's {@code response.content} always reads a string.
     */
    record Response(String content, String type, String status) {}

    record Analysis(String intent, List<String> otherIntents, String sentiment, double confidence) {}

    record Action(String type, ActionTaken.Status status, Map<String, Object> details) {}

    record Created(
            String conversationId,
            String messageId,
            Response response,
            Analysis analysis,
            List<Action> actionsTaken,
            boolean escalated,
            Instant createdAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String visitorToken) {}

    record Sent(
            String messageId,
            Response response,
            Analysis analysis,
            List<Action> actionsTaken,
            boolean escalated,
            Instant createdAt) {}

    /**
     * Seed 002's answer to {@code POST /api/v1/conversations}; {@code response} is the team's notice while a person
     * holds the conversation (then {@code escalated} is true), never {@code null}.
     */
    record Answered(
            String conversationId,
            String response,
            double confidence,
            List<String> sources,
            boolean escalated,
            Instant timestamp,
            @JsonInclude(JsonInclude.Include.NON_NULL) String visitorToken) {}

    @PostMapping("/v1/conversations")
    @WidgetAccess
    ResponseEntity<?> create(
            Caller caller,
            @RequestBody CreateRequest request,
            Locale locale,
            @RequestHeader(name = "Accept-Language", required = false) String language) {
        widgetOr(caller, Scope.CONVERSATIONS_WRITE);
        if (request.initialMessage() == null && request.message() != null) {
            return ResponseEntity.ok(createOrSend(caller, request, locale));
        }
        Conversations.Exchange exchange = conversations.start(
                caller,
                new Conversations.NewConversation(
                        request.channel(),
                        request.customerEmail(),
                        request.customerName(),
                        request.initialMessage(),
                        request.context(),
                        Boolean.TRUE.equals(request.handoff()),
                        told(language)));
        return ResponseEntity.ok(new Created(
                exchange.conversation().id(),
                exchange.received().id(),
                response(exchange, locale),
                analysis(exchange),
                actions(caller, exchange),
                escalated(exchange),
                exchange.conversation().createdAt(),
                exchange.visitorToken()));
    }

    private Answered createOrSend(Caller caller, CreateRequest request, Locale locale) {
        Conversations.Exchange exchange;
        if (request.conversationId() != null) {
            exchange = conversations.send(caller, request.conversationId(), request.message(), List.of());
        } else {
            Map<String, Object> metadata = request.metadata() == null ? Map.of() : request.metadata();
            Map<String, Object> context = new LinkedHashMap<>(metadata);
            if (request.userId() != null) {
                context.put("user_id", request.userId());
            }
            exchange = conversations.start(
                    caller,
                    new Conversations.NewConversation(
                            request.channel() == null ? "chat" : request.channel(),
                            string(metadata.get("user_email")),
                            string(metadata.get("user_name")),
                            request.message(),
                            context));
        }
        boolean escalated = exchange.conversation().heldByHumans();
        return new Answered(
                exchange.conversation().id(),
                response(exchange, locale).content(),
                exchange.turn() == null ? 0 : exchange.turn().analysis().confidence(),
                exchange.reply() == null
                        ? List.of()
                        : exchange.reply().sources().stream()
                                .map(Citation::sourceId)
                                .distinct()
                                .toList(),
                escalated,
                exchange.reply() == null
                        ? exchange.received().createdAt()
                        : exchange.reply().createdAt(),
                exchange.visitorToken());
    }

    @PostMapping({"/v1/conversations/{conversation_id}/messages"})
    @WidgetAccess
    Sent send(
            Caller caller,
            @PathVariable("conversation_id") String id,
            @RequestBody SendRequest request,
            Locale locale) {
        widgetOr(caller, Scope.CONVERSATIONS_WRITE);
        Conversations.Exchange exchange = conversations.send(caller, id, request.content(), request.attachments());
        return new Sent(
                exchange.received().id(),
                response(exchange, locale),
                analysis(exchange),
                actions(caller, exchange),
                escalated(exchange),
                exchange.reply() == null
                        ? exchange.received().createdAt()
                        : exchange.reply().createdAt());
    }

    /**
     * Whether people hold the conversation after this exchange: the turn handed it over, or it already was with them.
     * Said on a new conversation's answer and on every later message's alike, so a client reads it the same way.
     */
    private static boolean escalated(Conversations.Exchange exchange) {
        return (exchange.turn() != null && exchange.turn().escalation() != null)
                || exchange.conversation().heldByHumans();
    }

    record Customer(String email, String name) {}

    /** Who wrote an agent's message or a private note. */
    record Author(String id, String name) {}

    /**
     * A message as seed 001 reads it ({@code role}, {@code created_at}) and seed 002 does ({@code sender}: user, ai,
     * agent, system or note; {@code timestamp}; {@code confidence} on the assistant's): both spellings, one message.
     */
    record MessageView(
            String id,
            MessageRole role,
            String sender,
            String content,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double confidence,
            @JsonInclude(JsonInclude.Include.NON_NULL) MessageAnalysis analysis,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Citation> sources,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MessageAttachment> attachments,
            @JsonInclude(JsonInclude.Include.NON_NULL) Author author,
            Instant createdAt,
            Instant timestamp) {

        static MessageView of(Message m) {
            Author author =
                    m.authorId() == null && m.authorName() == null ? null : new Author(m.authorId(), m.authorName());
            Double confidence = m.analysis() == null ? null : m.analysis().confidence();
            return new MessageView(
                    m.id(),
                    m.role(),
                    sender(m.role()),
                    m.content(),
                    confidence,
                    m.analysis(),
                    m.sources(),
                    m.attachments(),
                    author,
                    m.createdAt(),
                    m.createdAt());
        }

        /** Without how the turn was made: {@link VisitorView#analysis}. */
        MessageView forVisitor() {
            return new MessageView(
                    id,
                    role,
                    sender,
                    content,
                    confidence,
                    VisitorView.analysis(analysis),
                    sources,
                    attachments,
                    author,
                    createdAt,
                    timestamp);
        }

        /** The sender's word: the assistant is {@code ai}, everyone else their role's word. */
        private static String sender(MessageRole role) {
            return role == MessageRole.ASSISTANT ? "ai" : role.wire();
        }
    }

    record ActionView(
            String type, ActionTaken.Status status, String messageId, Map<String, Object> details, Instant createdAt) {}

    /** Seed 001's conversation, with seed 002's {@code conversation_id} and {@code user_id} beside {@code id}. */
    record ConversationView(
            String id,
            String conversationId,
            String userId,
            String storeId,
            ConversationStatus status,
            Channel channel,
            Customer customer,
            String primaryIntent,
            String sentiment,
            Priority priority,
            String orderId,
            String assignedTo,
            List<String> tags,
            String ticketId,
            EscalationReason escalationReason,
            String resolutionSummary,
            ResolutionType resolutionType,
            Integer csatScore,
            int messageCount,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<MessageView> messages,
            List<ActionView> actionsTaken,
            Instant resolvedAt,
            Instant createdAt,
            Instant updatedAt) {}

    /**
     * The widget's publishable key may open conversations, and continue, read (without private notes), escalate and
     * rate those it opened (whose visitor token it sends); it may not list conversations nor change them otherwise.
     */
    static void widgetOr(Caller caller, Scope scope) {
        if (!caller.has(Scope.WIDGET)) {
            caller.require(scope);
        }
    }

    @GetMapping("/v1/conversations/{conversation_id}")
    @WidgetAccess
    ConversationView get(
            Caller caller,
            @PathVariable("conversation_id") String id,
            @RequestParam(name = "include_messages", defaultValue = "true") boolean includeMessages,
            @RequestParam(name = "message_limit", defaultValue = "50") int messageLimit) {
        if (messageLimit < 1 || messageLimit > 500) {
            throw ApiException.invalidField("message_limit", "out_of_range");
        }
        widgetOr(caller, Scope.CONVERSATIONS_READ);
        boolean widget = caller.has(Scope.WIDGET);
        Conversation conversation = conversations.get(caller, id);
        if (!widget) {
            inbox.read(caller, id);
        }
        ConversationRows.Contact contact = conversations.contact(caller, conversation);
        List<Message> messages = conversations.messages(caller, id, includeMessages ? messageLimit : 500).stream()
                .filter(m -> !(widget && m.isPrivate()))
                .toList();
        List<ActionView> actions = new ArrayList<>();
        for (Message message : messages) {
            for (ActionTaken action : message.actions()) {
                actions.add(new ActionView(
                        action.type(),
                        action.status(),
                        message.id(),
                        caller.isPublishable()
                                ? VisitorView.details(action.status(), action.details())
                                : action.details(),
                        message.createdAt()));
            }
        }
        List<MessageView> views = includeMessages
                ? messages.stream()
                        .map(MessageView::of)
                        .map(m -> caller.isPublishable() ? m.forVisitor() : m)
                        .toList()
                : null;
        return new ConversationView(
                conversation.id(),
                conversation.id(),
                conversation.context() != null && conversation.context().get("user_id") instanceof String user
                        ? user
                        : null,
                conversation.workspaceId(),
                conversation.status(),
                conversation.channel(),
                new Customer(contact.email(), contact.name()),
                conversation.primaryIntent(),
                conversation.sentiment(),
                conversation.priority(),
                conversation.orderId(),
                conversation.assignedTo(),
                conversation.tags(),
                conversation.ticketId(),
                conversation.escalationReason(),
                conversation.resolutionSummary(),
                conversation.resolutionType(),
                conversation.csatScore(),
                conversation.messageCount(),
                views,
                actions,
                conversation.resolvedAt(),
                conversation.createdAt(),
                conversation.updatedAt());
    }

    record Summary(
            String id,
            ConversationStatus status,
            Channel channel,
            String primaryIntent,
            String sentiment,
            Priority priority,
            String customerEmail,
            int messageCount,
            Instant createdAt,
            Instant updatedAt) {}

    @GetMapping("/v1/conversations")
    @RequiresScope(Scope.CONVERSATIONS_READ)
    Page<Summary> list(
            Caller caller,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String intent,
            @RequestParam(required = false) String sentiment,
            @RequestParam(name = "customer_email", required = false) String customerEmail,
            @RequestParam(name = "start_date", required = false) String startDate,
            @RequestParam(name = "end_date", required = false) String endDate,
            @RequestParam(name = "assigned_to", required = false) String assignedTo,
            @RequestParam(name = "agent_id", required = false) String agentId,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String tags,
            @RequestParam(required = false) String priority,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage) {
        DateRange range = DateRange.filter("start_date", startDate, "end_date", endDate);
        ConversationRows.Filter filter = new ConversationRows.Filter(
                status(status),
                intent,
                sentiment,
                customerEmail,
                range.start(),
                range.end(),
                assignedTo != null ? assignedTo : agentId,
                channel,
                tags(tags),
                priority,
                null,
                null);
        return summaries(caller, filter, PageQuery.of(page, perPage));
    }

    /** A contact's conversations, as the list shows them. */
    Page<Summary> listFor(Caller caller, String contactId, PageQuery page) {
        ConversationRows.Filter none = ConversationRows.Filter.none();
        return summaries(
                caller,
                new ConversationRows.Filter(
                        null, null, null, null, null, null, null, null, none.tags(), null, contactId, null),
                page);
    }

    private Page<Summary> summaries(Caller caller, ConversationRows.Filter filter, PageQuery page) {
        Page<Conversation> found = conversations.list(caller, filter, page);
        Map<String, String> emails = conversations.contactEmails(caller, found.data());
        return found.map(c -> new Summary(
                c.id(),
                c.status(),
                c.channel(),
                c.primaryIntent(),
                c.sentiment(),
                c.priority(),
                c.contactId() == null ? null : emails.get(c.contactId()),
                c.messageCount(),
                c.createdAt(),
                c.updatedAt()));
    }

    /** Seed 001's conversation with the inbox's fields changed: status, assignee, tags, notes, priority. */
    @PatchMapping("/v1/conversations/{conversation_id}")
    @RequiresScope(Scope.CONVERSATIONS_WRITE)
    ConversationView change(
            Caller caller, @PathVariable("conversation_id") String id, @RequestBody(required = false) JsonNode body) {
        inbox.change(caller, id, InboxRequests.change(body));
        return get(caller, id, true, 50);
    }

    /** Returns the conversation to the assistant: active again, nobody holding it. */
    @PostMapping("/v1/conversations/{conversation_id}/handback")
    @RequiresScope(Scope.CONVERSATIONS_WRITE)
    ConversationView handBack(Caller caller, @PathVariable("conversation_id") String id) {
        inbox.handBack(caller, id);
        return get(caller, id, true, 50);
    }

    record EscalateResponse(boolean escalated, String ticketId, String assignedTo, String customerMessage) {}

    @PostMapping("/v1/conversations/{conversation_id}/escalate")
    @WidgetAccess
    EscalateResponse escalate(
            Caller caller,
            @PathVariable("conversation_id") String id,
            @RequestBody(required = false) EscalateRequest request,
            @RequestHeader(name = "Accept-Language", required = false) String language) {
        widgetOr(caller, Scope.CONVERSATIONS_ESCALATE);
        EscalateRequest r = request == null ? new EscalateRequest(null, null, null) : request;
        Conversations.Escalated escalated =
                conversations.escalate(caller, id, r.reason(), r.priority(), r.notes(), told(language));
        return new EscalateResponse(
                true,
                escalated.conversation().ticketId(),
                escalated.conversation().assignedTo(),
                escalated.customerMessage());
    }

    record ResolveResponse(boolean resolved, Instant resolvedAt, int totalMessages, long resolutionTimeSeconds) {}

    @PostMapping("/v1/conversations/{conversation_id}/resolve")
    @RequiresScope(Scope.CONVERSATIONS_WRITE)
    ResolveResponse resolve(
            Caller caller,
            @PathVariable("conversation_id") String id,
            @RequestBody(required = false) ResolveRequest request) {
        ResolveRequest r = request == null ? new ResolveRequest(null, null, null) : request;
        Conversation resolved =
                conversations.resolve(caller, id, r.resolutionSummary(), r.resolutionType(), r.csatScore());
        return new ResolveResponse(
                true,
                resolved.resolvedAt(),
                resolved.messageCount(),
                java.time.Duration.between(resolved.createdAt(), resolved.resolvedAt())
                        .toSeconds());
    }

    private Response response(Conversations.Exchange exchange, Locale locale) {
        return exchange.reply() == null
                ? new Response(messages.getMessage("conversation.with_agent", null, locale), "text", "with_agent")
                : new Response(exchange.reply().content(), "text", "answered");
    }

    private static Analysis analysis(Conversations.Exchange exchange) {
        if (exchange.turn() == null) {
            return null;
        }
        var a = exchange.turn().analysis();
        return new Analysis(a.intent(), a.otherIntents(), a.sentiment(), a.confidence());
    }

    private static List<Action> actions(Caller caller, Conversations.Exchange exchange) {
        if (exchange.turn() == null) {
            return List.of();
        }
        return Conversations.publicActions(exchange.turn().actions()).stream()
                .map(a -> caller.isPublishable() ? VisitorView.action(a) : a)
                .map(a -> new Action(a.type(), a.status(), a.details()))
                .toList();
    }

    /** The language a request asked in, or {@code null} when it did not say (the conversation's is used then). */
    private static Locale told(String acceptLanguage) {
        return acceptLanguage == null || acceptLanguage.isBlank() ? null : Languages.preferred(acceptLanguage);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    /** A status filter: none, or one a client named right. */
    static ConversationStatus status(String status) {
        return status == null ? null : Inbox.status(status);
    }

    /** Comma-separated tags, all of which a conversation must carry. */
    static List<String> tags(String tags) {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        return Inbox.validTags(java.util.Arrays.stream(tags.split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList());
    }
}
