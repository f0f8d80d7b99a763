package dev.parley.console.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.assistant.ConversationMemory;
import dev.parley.assistant.Copilot;
import dev.parley.assistant.TurnRequest;
import dev.parley.commerce.CustomerOrders;
import dev.parley.conversation.ConversationDesk;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.MessageAttachment;
import dev.parley.conversation.Priority;
import dev.parley.conversation.SavedReplies;
import dev.parley.files.Attachments;
import dev.parley.live.AgentStreams;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.PageQuery;
import dev.parley.platform.Scope;
import dev.parley.tenancy.Agent;
import dev.parley.tenancy.Agents;
import dev.parley.tenancy.ConsoleAccounts;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Sign-in, the live inbox and the conversation view with the agent's actions. */
@Controller
class ConsoleController {

    /** A fallback only: the pages refresh on the server's events ({@code /console/events}) as they happen. */
    static final int POLL_SECONDS = 30;

    private final ConsoleSession sessions;
    private final ConsoleAccounts accounts;
    private final ConversationDesk desk;
    private final Agents agents;
    private final MessageSource messages;
    private final AgentStreams streams;
    private final CustomerOrders orders;
    private final Copilot copilot;
    private final SavedReplies savedReplies;
    private final ConsoleWords words;
    private final Attachments attachments;

    ConsoleController(
            ConsoleSession sessions,
            ConsoleAccounts accounts,
            ConversationDesk desk,
            Agents agents,
            MessageSource messages,
            AgentStreams streams,
            CustomerOrders orders,
            Copilot copilot,
            SavedReplies savedReplies,
            ConsoleWords words,
            Attachments attachments) {
        this.attachments = attachments;
        this.streams = streams;
        this.orders = orders;
        this.copilot = copilot;
        this.savedReplies = savedReplies;
        this.words = words;
        this.sessions = sessions;
        this.accounts = accounts;
        this.desk = desk;
        this.agents = agents;
        this.messages = messages;
    }

    @org.springframework.web.bind.annotation.ModelAttribute("words")
    ConsoleWords words() {
        return words;
    }

    @GetMapping("/console/login")
    String loginPage(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (sessions.caller(request).isPresent()) {
            return "redirect:/console";
        }
        model.addAttribute("csrf", sessions.loginCsrf(request, response));
        return "console/login";
    }

    @PostMapping("/console/login")
    String login(
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String password,
            @RequestParam(name = "_csrf", required = false) String csrf,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("csrf", sessions.loginCsrf(request, response));
        if (!sessions.loginCsrfMatches(request, csrf)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("error", messages.getMessage("console.login.csrf", null, request.getLocale()));
            model.addAttribute("email", email);
            return "console/login";
        }
        try {
            ConsoleAccounts.Session session = accounts.signIn(email, password);
            sessions.start(request, response, session.token(), session.expiresAt());
            return "redirect:/console";
        } catch (ApiException refused) {
            response.setStatus(refused.code().status());
            refused.retryAfter().ifPresent(seconds -> response.setHeader("Retry-After", Long.toString(seconds)));
            model.addAttribute("error", message(refused, request));
            model.addAttribute("email", email);
            return "console/login";
        }
    }

    @PostMapping("/console/logout")
    String logout(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            HttpServletRequest request,
            HttpServletResponse response) {
        accounts.signOut(caller);
        sessions.end(request, response);
        return "redirect:/console/login";
    }

    @PostMapping("/console/presence")
    String presence(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @RequestParam String status,
            @RequestParam(required = false, defaultValue = "/console") String back) {
        accounts.presence(caller, status);
        return "redirect:" + (back.startsWith("/console") ? back : "/console");
    }

    @GetMapping("/console")
    String inbox(@RequestAttribute(ConsoleGuard.CALLER) Caller caller, HttpServletRequest request, Model model) {
        ConversationDesk.Filter filter = filter(request);
        common(caller, request, model);
        model.addAttribute("filter", filter);
        rows(caller, filter, request, model);
        return "console/inbox";
    }

    static final String EVENTS = "/console/events";

    @GetMapping(path = EVENTS, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@RequestAttribute(ConsoleGuard.CALLER) Caller caller, HttpServletRequest request) {
        return streams.open(caller, request.getLocale());
    }

    @GetMapping("/console/inbox/rows")
    String inboxRows(@RequestAttribute(ConsoleGuard.CALLER) Caller caller, HttpServletRequest request, Model model) {
        rows(caller, filter(request), request, model);
        return "console/inbox :: rows";
    }

    private static ConversationDesk.Filter filter(HttpServletRequest request) {
        return new ConversationDesk.Filter(
                word(request, "status", ConversationStatus::fromWire),
                "true".equals(request.getParameter("mine")),
                "true".equals(request.getParameter("unassigned")),
                request.getParameter("intent"),
                request.getParameter("sentiment"),
                word(request, "priority", Priority::fromWire),
                request.getParameter("q"));
    }

    /** A filter's word as its type: none when blank or unknown (an unknown one matches nothing: {@link #rows}). */
    private static <T> T word(HttpServletRequest request, String parameter, Function<String, Optional<T>> fromWire) {
        String given = request.getParameter(parameter);
        return given == null || given.isBlank()
                ? null
                : fromWire.apply(given.strip()).orElse(null);
    }

    /** Whether the request filters by a status or priority no conversation can have. */
    private static boolean unknownWords(HttpServletRequest request) {
        return unknown(request, "status", ConversationStatus::fromWire)
                || unknown(request, "priority", Priority::fromWire);
    }

    private static <T> boolean unknown(
            HttpServletRequest request, String parameter, Function<String, Optional<T>> fromWire) {
        String given = request.getParameter(parameter);
        return given != null
                && !given.isBlank()
                && fromWire.apply(given.strip()).isEmpty();
    }

    private void rows(Caller caller, ConversationDesk.Filter filter, HttpServletRequest request, Model model) {
        model.addAttribute("query", request.getQueryString() == null ? "" : request.getQueryString());
        model.addAttribute("current", request.getParameter("current"));
        model.addAttribute("pollSeconds", POLL_SECONDS);
        try {
            model.addAttribute(
                    "items",
                    unknownWords(request)
                            ? List.of()
                            : desk.inbox(caller, filter, new PageQuery(1, 50)).data());
        } catch (ApiException invalid) {
            model.addAttribute("items", List.of());
        }
        model.addAttribute("agentNames", agentNames(caller));
    }

    @GetMapping("/console/conversations/{id}")
    String conversation(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String error,
            HttpServletRequest request,
            Model model) {
        common(caller, request, model);
        ConversationDesk.Detail detail = desk.open(caller, id);
        transcript(caller, detail, model);
        model.addAttribute(
                "agents",
                agents.all(caller.workspaceId()).stream().filter(Agent::active).toList());
        model.addAttribute("error", error);
        // the list beside it, as the inbox shows it, with this conversation marked
        ConversationDesk.Filter filter = new ConversationDesk.Filter(null, false, false, null, null, null, null);
        model.addAttribute("filter", filter);
        model.addAttribute("query", "current=" + id);
        model.addAttribute("current", id);
        model.addAttribute(
                "items", desk.inbox(caller, filter, new PageQuery(1, 50)).data());
        model.addAttribute("orders", orders.recent(caller, detail.conversation().customerEmail(), 5));
        model.addAttribute("previous", desk.previous(caller, id, 5));
        return "console/conversation";
    }

    /** The transcript's model: messages and activity lines in time order, and the assistant's last reading. */
    private void transcript(Caller caller, ConversationDesk.Detail detail, Model model) {
        Map<String, String> names = agentNames(caller);
        model.addAttribute("detail", detail);
        model.addAttribute(
                "transcriptTrigger", transcriptTrigger(detail.conversation().id()));
        model.addAttribute("agentNames", names);
        model.addAttribute("lines", Transcript.lines(detail, names, words));
        model.addAttribute(
                "reading",
                detail.entries().stream()
                        // the reading of a customer message is kept with the assistant's reply to it
                        .filter(e -> e.analysis() != null && e.analysis().isReading())
                        .reduce((first, second) -> second)
                        .map(e -> words.analysis(e.analysis()))
                        .orElse(""));
    }

    @GetMapping("/console/conversations/{id}/transcript")
    String transcript(@RequestAttribute(ConsoleGuard.CALLER) Caller caller, @PathVariable String id, Model model) {
        transcript(caller, desk.open(caller, id), model);
        return "console/conversation :: transcript";
    }

    /** The copilot's draft for the agent to edit: never sent from here. */
    @GetMapping(path = "/console/conversations/{id}/draft", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Copilot.Draft draft(@RequestAttribute(ConsoleGuard.CALLER) Caller caller, @PathVariable String id) {
        ConversationDesk.DraftContext context = desk.draftContext(caller, id);
        return copilot.draft(new TurnRequest(
                caller.workspaceId(),
                caller.mode(),
                id,
                context.lastCustomerMessage(),
                context.history().stream()
                        .map(e -> new TurnRequest.PriorMessage(
                                TurnRequest.Speaker.fromWire(e.role().wire()), e.content()))
                        .toList(),
                ConversationMemory.fromFacts(context.facts()),
                context.customerName()));
    }

    /** The saved replies filled for this conversation, for the reply box's {@code /} menu. */
    @GetMapping(path = "/console/conversations/{id}/saved-replies", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<SavedReplies.Filled> savedReplies(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller, @PathVariable String id) {
        String me = agents.find(caller.workspaceId(), caller.agentId())
                .map(Agent::name)
                .orElse("");
        return savedReplies.filledFor(caller, id, me);
    }

    /** The agent types (or stopped): the customer's widget shows it. */
    @PostMapping("/console/conversations/{id}/typing")
    @ResponseBody
    Typing typing(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @PathVariable String id,
            @RequestParam(name = "is_typing", defaultValue = "false") boolean typing) {
        streams.typing(caller, id, typing);
        return new Typing(typing);
    }

    record Typing(@JsonProperty("is_typing") boolean typing) {}

    /**
     * The agent's reply, with a file when one is chosen: the file is checked and stored first, attached once the reply
     * carrying it is sent. A reply refused leaves the file unattached, and it is deleted with other unattached uploads.
     */
    @PostMapping("/console/conversations/{id}/reply")
    String reply(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) MultipartFile file,
            HttpServletRequest request)
            throws ServletException {
        try {
            String content = field(request, "content");
            if (file == null || file.isEmpty()) {
                desk.reply(caller, id, content);
            } else {
                Attachments.Upload upload;
                try (InputStream bytes = file.getInputStream()) {
                    upload = attachments.upload(caller, id, file.getOriginalFilename(), file.getContentType(), bytes);
                }
                desk.reply(caller, id, content, List.of(attachment(upload)));
                attachments.attach(caller, upload);
            }
        } catch (ApiException refused) {
            if (refused.code().status() == 404) {
                throw refused;
            }
            return "redirect:/console/conversations/" + id + "?error="
                    + URLEncoder.encode(message(refused, request), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return "redirect:/console/conversations/" + id;
    }

    /** A form field, also of a form that carries a file, whose fields are parts {@code getParameter} may not read. */
    private static String field(HttpServletRequest request, String name) throws IOException, ServletException {
        String value = request.getParameter(name);
        String type = request.getContentType();
        if (value == null && type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            Part part = request.getPart(name);
            if (part != null && part.getSubmittedFileName() == null) {
                try (InputStream in = part.getInputStream()) {
                    value = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return value;
    }

    /** A file as a message carries it: seed 003's {@code type} and {@code url}, and what the reader shows of it. */
    private static MessageAttachment attachment(Attachments.Upload upload) {
        return new MessageAttachment(
                upload.contentType().startsWith("image/") ? "image" : "file",
                upload.url(),
                upload.filename(),
                upload.contentType(),
                upload.sizeBytes(),
                upload.id());
    }

    @PostMapping("/console/conversations/{id}/{action}")
    String act(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @PathVariable String id,
            @PathVariable String action,
            @RequestParam Map<String, String> form,
            HttpServletRequest request) {
        String back = "/console/conversations/" + id;
        try {
            switch (action) {
                case "note" -> desk.note(caller, id, form.get("content"));
                case "assign" -> {
                    String to = form.getOrDefault("agent_id", "");
                    desk.assign(caller, id, to.equals("me") ? caller.agentId() : to.isBlank() ? null : to);
                }
                case "tag" ->
                    desk.tag(
                            caller,
                            id,
                            Arrays.stream(form.getOrDefault("tags", "").split(","))
                                    .map(String::strip)
                                    .filter(t -> !t.isEmpty())
                                    .toList());
                case "escalate" -> desk.escalate(caller, id);
                case "resolve" -> desk.resolve(caller, id);
                case "handback" -> desk.handBack(caller, id);
                default -> throw ApiException.notFound("action", action);
            }
        } catch (ApiException refused) {
            if (refused.code().status() == 404) {
                throw refused;
            }
            return "redirect:" + back + "?error="
                    + URLEncoder.encode(message(refused, request), StandardCharsets.UTF_8);
        }
        return "redirect:" + back;
    }

    /**
     * Refresh on this conversation's events: console.js names an event after each conversation, because an htmx
     * event filter is evaluated as script, which the console's CSP refuses.
     */
    private static String transcriptTrigger(String conversationId) {
        return "every " + POLL_SECONDS + "s, parley-event-" + conversationId + " from:body";
    }

    void common(Caller caller, HttpServletRequest request, Model model) {
        model.addAttribute(
                "me", agents.find(caller.workspaceId(), caller.agentId()).orElseThrow());
        model.addAttribute("admin", caller.has(Scope.SETTINGS_WRITE));
        model.addAttribute("csrf", sessions.csrf(request));
        model.addAttribute("path", request.getRequestURI());
        model.addAttribute("pollSeconds", POLL_SECONDS);
        model.addAttribute("words", words);
    }

    private Map<String, String> agentNames(Caller caller) {
        return agents.all(caller.workspaceId()).stream().collect(Collectors.toMap(Agent::id, Agent::name, (a, b) -> a));
    }

    String message(ApiException failure, HttpServletRequest request) {
        try {
            String key = failure.messageKey() != null
                    ? failure.messageKey()
                    : "error." + failure.code().wire();
            return messages.getMessage(key, failure.messageArgs(), request.getLocale());
        } catch (org.springframework.context.NoSuchMessageException e) {
            return failure.code().wire();
        }
    }
}
