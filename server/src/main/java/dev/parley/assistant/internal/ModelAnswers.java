package dev.parley.assistant.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.parley.assistant.ActionTaken;
import dev.parley.assistant.AssistantTool;
import dev.parley.assistant.Citation;
import dev.parley.assistant.ConversationMemory;
import dev.parley.assistant.ModelWait;
import dev.parley.assistant.ToolArguments;
import dev.parley.assistant.ToolInvocation;
import dev.parley.assistant.ToolOutcome;
import dev.parley.assistant.TurnRequest;
import dev.parley.platform.FetchException;
import dev.parley.tenancy.StoreSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model's part of a turn, when the workspace has a model: it writes the answer from the retrieved passages and
 * the results of tools it calls. Every tool call goes through the {@link ToolGate} and is recorded; what the tool
 * then allows is its own policy. Citations that name no retrieved passage are dropped. Any failure of the model
 * (an HTTP error, a timeout, a tool call that is not JSON) ends in an outcome that says why, and the turn answers
 * offline.
 */
@Component
class ModelAnswers {

    private static final Logger log = LoggerFactory.getLogger(ModelAnswers.class);
    private static final Pattern CITATION = Pattern.compile("\\[(\\d+(?:\\s*,\\s*\\d+)*)\\]");
    private static final Pattern REPEATED_CITATION = Pattern.compile("(\\[\\d+(?:, \\d+)*\\])\\1+");
    private static final String SYSTEM_PROMPT = resource("/assistant/prompts/system.txt");
    private static final int MAX_PASSAGE_CHARS = 2000;

    private final ModelSettingsRows modelSettingsRows;
    private final ChatModels models;
    private final ToolGate gate;
    private final AssistantProperties properties;
    private final JsonMapper json;

    ModelAnswers(
            ModelSettingsRows modelSettingsRows,
            ChatModels models,
            ToolGate gate,
            AssistantProperties properties,
            JsonMapper json) {
        this.modelSettingsRows = modelSettingsRows;
        this.models = models;
        this.gate = gate;
        this.properties = properties;
        this.json = json;
    }

    /**
     * A turn's question as the model sees it.
     *
     * @param passages what retrieval found, in the order of {@code sources}
     */
    record Question(
            TurnRequest request,
            String message,
            Map<String, String> facts,
            List<OfflineAnswers.Passage> passages,
            List<Citation> sources,
            StoreSettings settings,
            String language) {}

    /**
     * What the model did.
     *
     * @param reply its answer, with citations renumbered to {@code cited}; {@code null} when it failed
     * @param calls every tool call it made, through the gate
     * @param failure why it failed (http_error, timeout, malformed_tool_call, ...), or {@code null}
     * @param proposed a consequential tool call the model asked for, held for the customer's yes (it ends the model's
     *     turn; nothing was done), or {@code null}
     */
    record Outcome(
            String model,
            String reply,
            List<Citation> cited,
            List<ToolGate.Call> calls,
            List<ActionTaken> notes,
            int tokensUsed,
            String failure,
            ConversationMemory.Confirmation proposed) {

        boolean failed() {
            return failure != null;
        }

        List<ActionTaken> actions() {
            List<ActionTaken> all =
                    new ArrayList<>(calls.stream().map(ToolGate.Call::action).toList());
            all.addAll(notes);
            return all;
        }
    }

    /** A retrieved passage and the number the model cites it by. */
    private record Numbered(Citation source, String title, String text) {}

    private static final class ModelFailure extends RuntimeException {
        final String reason;

        ModelFailure(String reason, String message) {
            super(message);
            this.reason = reason;
        }
    }

    /** Empty when the workspace has no model; {@code onToken}, when given, receives the answer as it is written. */
    Optional<Outcome> answer(Question question, Consumer<String> onToken) {
        Optional<ModelSettings> configured =
                modelSettingsRows.find(question.request().workspaceId()).filter(ModelSettings::enabled);
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        ModelSettings settings = configured.get();
        String model = settings.model();
        List<ToolGate.Call> calls = new ArrayList<>();
        int[] tokens = {0};
        ChatModels.Clients clients;
        try {
            clients = models.clients(question.request().workspaceId(), settings);
        } catch (FetchException e) {
            return Optional.of(failed(model, calls, tokens[0], "base_url_refused", e.getMessage()));
        } catch (IllegalStateException e) {
            return Optional.of(failed(model, calls, tokens[0], "api_key_unreadable", e.getMessage()));
        }
        List<Numbered> numbered = new ArrayList<>();
        for (int i = 0; i < question.sources().size() && i < question.passages().size(); i++) {
            OfflineAnswers.Passage p = question.passages().get(i);
            numbered.add(new Numbered(question.sources().get(i), p.title(), p.text()));
        }
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(systemPrompt(question, numbered)));
        for (TurnRequest.PriorMessage prior : question.request().history()) {
            if (prior.content() == null || prior.content().isBlank()) {
                continue;
            }
            messages.add(
                    prior.role() == TurnRequest.Speaker.CUSTOMER
                            ? UserMessage.from(prior.content())
                            : AiMessage.from(prior.content()));
        }
        messages.add(UserMessage.from(question.message()));
        List<ToolSpecification> tools =
                gate.tools().stream().map(ModelAnswers::specification).toList();
        Map<String, String> facts = new LinkedHashMap<>(question.facts());
        try {
            for (int round = 0; ; round++) {
                boolean mayUseTools = round < properties.maxToolRounds() && !tools.isEmpty();
                ChatRequest.Builder request = ChatRequest.builder().messages(messages);
                if (mayUseTools) {
                    request.toolSpecifications(tools);
                }
                ChatRequest asked = request.build();
                // The turn's caller may lend the turn's place out while another machine works.
                ChatResponse response = ModelWait.during(() -> send(clients, asked, settings.timeout(), onToken));
                if (response.tokenUsage() != null && response.tokenUsage().totalTokenCount() != null) {
                    tokens[0] += response.tokenUsage().totalTokenCount();
                }
                AiMessage ai = response.aiMessage();
                if (!ai.hasToolExecutionRequests()) {
                    if (ai.text() == null || ai.text().isBlank()) {
                        throw new ModelFailure("empty_answer", "The model answered with no text");
                    }
                    return Optional.of(answered(model, ai.text(), numbered, calls, tokens[0]));
                }
                if (!mayUseTools) {
                    throw new ModelFailure("too_many_tool_rounds", "The model kept calling tools");
                }
                messages.add(ai);
                Optional<ConversationMemory.Confirmation> proposed =
                        runTools(question, ai.toolExecutionRequests(), calls, facts, numbered, messages);
                if (proposed.isPresent()) {
                    return Optional.of(proposal(model, proposed.get(), calls, tokens[0]));
                }
            }
        } catch (ModelFailure e) {
            return Optional.of(failed(model, calls, tokens[0], e.reason, e.getMessage()));
        } catch (RuntimeException e) {
            String reason = reason(e);
            log.warn(
                    "The model of workspace {} failed ({}): {}",
                    question.request().workspaceId(),
                    reason,
                    e.toString());
            return Optional.of(failed(model, calls, tokens[0], reason, e.getMessage()));
        }
    }

    /**
     * One round of the model's tool calls through the gate, their results added to {@code messages}. A refund, return,
     * cancellation or address change is not made but proposed (ending the round): the customer says yes first, and
     * any call after it is refused as {@code awaiting_confirmation}.
     */
    private Optional<ConversationMemory.Confirmation> runTools(
            Question question,
            List<ToolExecutionRequest> requested,
            List<ToolGate.Call> calls,
            Map<String, String> facts,
            List<Numbered> numbered,
            List<ChatMessage> messages) {
        for (int i = 0; i < requested.size(); i++) {
            ToolExecutionRequest call = requested.get(i);
            ToolArguments arguments = arguments(call, calls);
            ToolGate.Call done;
            if (gate.needsCustomerYes(call.name())) {
                Optional<ToolGate.Call> unfit = gate.check(call.name(), arguments);
                if (unfit.isEmpty()) {
                    requested.subList(i + 1, requested.size()).forEach(later -> calls.add(awaiting(later)));
                    return Optional.of(TaskFlows.proposed(call.name(), arguments));
                }
                done = unfit.get();
            } else {
                done = gate.call(
                        call.name(),
                        new ToolInvocation(
                                question.request().workspaceId(),
                                question.request().mode(),
                                question.request().conversationId(),
                                question.message(),
                                arguments,
                                facts));
            }
            calls.add(done);
            if (done.outcome() instanceof ToolOutcome.Done d) {
                facts.putAll(d.factsLearned());
            }
            messages.add(ToolExecutionResultMessage.from(call, result(done, numbered)));
        }
        return Optional.empty();
    }

    private static ChatResponse send(
            ChatModels.Clients clients, ChatRequest request, Duration timeout, Consumer<String> onToken) {
        if (onToken == null) {
            return clients.chat().chat(request);
        }
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        clients.streaming().chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String token) {
                if (!done.isDone()) {
                    onToken.accept(token);
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            // The client's timeout bounds the wait for the first byte; this bounds a stream that trickles.
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            done.cancel(true);
            throw new ModelFailure("timeout", "The model's stream took longer than " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelFailure("interrupted", "Interrupted while the model answered");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new ModelFailure("model_error", String.valueOf(e.getCause()));
        }
    }

    /** The call's arguments; a call whose arguments are not a JSON object is refused and ends the model's turn. */
    private ToolArguments arguments(ToolExecutionRequest call, List<ToolGate.Call> calls) {
        String raw = call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments();
        try {
            ToolArguments arguments = json.readValue(raw, ToolArguments.class);
            if (arguments != null) {
                return arguments;
            }
        } catch (JacksonException malformed) {
            // refused below
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", "malformed_arguments");
        calls.add(new ToolGate.Call(
                new ActionTaken("tool_refused", call.name(), ActionTaken.Status.REFUSED, details),
                new ToolOutcome.Refused("malformed_arguments", null, details, false)));
        throw new ModelFailure("malformed_tool_call", "The model called " + call.name() + " with arguments not JSON");
    }

    /** What the model is told a tool did: one of these, as JSON. */
    sealed interface ToolResult {}

    /** @param passages what a search found, numbered on from those the model already has; absent for other tools */
    record Executed(
            ActionTaken.Status status,
            @JsonInclude(JsonInclude.Include.NON_NULL) String answer,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Passage> passages,
            Map<String, Object> details)
            implements ToolResult {}

    record Passage(int number, String title, String text) {}

    record Refused(
            ActionTaken.Status status,
            String reason,
            @JsonInclude(JsonInclude.Include.NON_NULL) String message) implements ToolResult {}

    record NeedsInfo(ActionTaken.Status status, String field, String question) implements ToolResult {}

    /** What the model is told a tool did; passages a search found are numbered on from those it already has. */
    private String result(ToolGate.Call call, List<Numbered> numbered) {
        ToolResult result = switch (call.outcome()) {
            case ToolOutcome.Done done -> {
                Map<String, Object> details = new LinkedHashMap<>(done.details());
                List<Passage> found = null;
                if (details.remove("passages") instanceof List<?> passages) {
                    found = new ArrayList<>();
                    for (int i = 0; i < passages.size() && i < done.sources().size(); i++) {
                        Map<?, ?> p = (Map<?, ?>) passages.get(i);
                        String title = String.valueOf(p.get("title"));
                        String text = String.valueOf(p.get("text"));
                        numbered.add(new Numbered(done.sources().get(i), title, text));
                        found.add(new Passage(numbered.size(), title, clip(text)));
                    }
                }
                yield new Executed(ActionTaken.Status.EXECUTED, done.answer(), found, details);
            }
            case ToolOutcome.Refused refused ->
                new Refused(ActionTaken.Status.REFUSED, refused.reason(), refused.message());
            case ToolOutcome.NeedsInfo needs ->
                new NeedsInfo(ActionTaken.Status.NEEDS_INFO, needs.field(), needs.question());
        };
        try {
            return json.writeValueAsString(result);
        } catch (JacksonException e) {
            return result.toString();
        }
    }

    /** The answer, keeping only citations of retrieved passages, renumbered in the order they are first cited. */
    static Outcome answered(String model, String text, List<Numbered> numbered, List<ToolGate.Call> calls, int tokens) {
        List<Citation> cited = new ArrayList<>();
        Matcher m = CITATION.matcher(text);
        StringBuilder reply = new StringBuilder();
        while (m.find()) {
            LinkedHashSet<Integer> numbers = new LinkedHashSet<>();
            for (String n : m.group(1).split("\\s*,\\s*")) {
                int index;
                try {
                    index = Integer.parseInt(n.strip());
                } catch (NumberFormatException tooLong) {
                    continue;
                }
                if (index < 1 || index > numbered.size()) {
                    continue;
                }
                Citation source = numbered.get(index - 1).source();
                if (!cited.contains(source)) {
                    cited.add(source);
                }
                numbers.add(cited.indexOf(source) + 1);
            }
            String replacement = numbers.isEmpty()
                    ? ""
                    : "["
                            + String.join(
                                    ", ", numbers.stream().map(String::valueOf).toList()) + "]";
            m.appendReplacement(reply, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(reply);
        String clean = REPEATED_CITATION
                .matcher(reply.toString())
                .replaceAll("$1")
                .replaceAll("[ \\t]+([.,;:!?])", "$1")
                .replaceAll("[ \\t]{2,}", " ")
                .strip();
        return new Outcome(model, clean, List.copyOf(cited), List.copyOf(calls), List.of(), tokens, null, null);
    }

    /** A call made beside an action waiting for the customer's yes: one action is stated at a time. */
    private static ToolGate.Call awaiting(ToolExecutionRequest call) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", "awaiting_confirmation");
        return new ToolGate.Call(
                new ActionTaken(call.name() + "_refused", call.name(), ActionTaken.Status.REFUSED, details),
                new ToolOutcome.Refused("awaiting_confirmation", null, details, false));
    }

    private static Outcome proposal(
            String model, ConversationMemory.Confirmation proposed, List<ToolGate.Call> calls, int tokens) {
        return new Outcome(model, null, List.of(), List.copyOf(calls), List.of(), tokens, null, proposed);
    }

    private static Outcome failed(String model, List<ToolGate.Call> calls, int tokens, String reason, String message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("model", model);
        details.put("reason", reason);
        if (message != null) {
            details.put("message", message.length() > 300 ? message.substring(0, 300) : message);
        }
        return new Outcome(
                model,
                null,
                List.of(),
                List.copyOf(calls),
                List.of(new ActionTaken("model_failed", "model", ActionTaken.Status.FAILED, details)),
                tokens,
                reason,
                null);
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof dev.langchain4j.exception.TimeoutException
                    || t instanceof HttpTimeoutException
                    || t instanceof java.net.SocketTimeoutException
                    || t instanceof TimeoutException) {
                return "timeout";
            }
            if (t instanceof HttpException) {
                return "http_error";
            }
        }
        return "model_error";
    }

    private static String systemPrompt(Question question, List<Numbered> numbered) {
        StoreSettings.BrandVoice voice = question.settings().brandVoice();
        String customer = question.request().customerName() == null
                        || question.request().customerName().isBlank()
                        || voice.nameUsage().equals("none")
                ? ""
                : " The customer's name is "
                        + OfflineAnswers.address(voice, question.request().customerName())
                                .strip()
                        + ".";
        StringBuilder passages = new StringBuilder();
        for (int i = 0; i < numbered.size(); i++) {
            passages.append('[')
                    .append(i + 1)
                    .append("] ")
                    .append(numbered.get(i).title())
                    .append('\n')
                    .append(clip(numbered.get(i).text()))
                    .append("\n\n");
        }
        return SYSTEM_PROMPT
                .replace("{{assistant_name}}", voice.assistantName())
                .replace("{{tone}}", voice.tone().replace('_', ' '))
                .replace("{{customer}}", customer)
                .replace("{{language}}", question.language().equals("uz") ? "Uzbek" : "English")
                .replace(
                        "{{passages}}",
                        passages.isEmpty()
                                ? "(none found)"
                                : passages.toString().strip());
    }

    /** A tool as LangChain4j describes it to models, from the schema the gate checks calls against. */
    static ToolSpecification specification(AssistantTool tool) {
        Map<String, JsonSchemaElement> properties = new LinkedHashMap<>();
        tool.parameters().properties().forEach((name, property) -> {
            String description = property.description();
            if (property.minimum() != null || property.maximum() != null) {
                description += " (from " + (property.minimum() == null ? "any" : property.minimum()) + " to "
                        + (property.maximum() == null ? "any" : property.maximum()) + ")";
            }
            JsonSchemaElement element = !property.allowed().isEmpty()
                    ? JsonEnumSchema.builder()
                            .description(description)
                            .enumValues(property.allowed())
                            .build()
                    : switch (property.type()) {
                        case "number" ->
                            JsonNumberSchema.builder().description(description).build();
                        case "integer" ->
                            JsonIntegerSchema.builder().description(description).build();
                        case "boolean" ->
                            JsonBooleanSchema.builder().description(description).build();
                        default ->
                            JsonStringSchema.builder().description(description).build();
                    };
            properties.put(name, element);
        });
        return ToolSpecification.builder()
                .name(tool.name())
                .description(tool.description())
                .parameters(JsonObjectSchema.builder()
                        .addProperties(properties)
                        .required(tool.parameters().required())
                        .build())
                .build();
    }

    private static String clip(String text) {
        return text.length() > MAX_PASSAGE_CHARS ? text.substring(0, MAX_PASSAGE_CHARS) + "…" : text;
    }

    private static String resource(String name) {
        try (InputStream in = ModelAnswers.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
