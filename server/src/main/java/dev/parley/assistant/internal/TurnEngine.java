package dev.parley.assistant.internal;

import dev.parley.assistant.ActionTaken;
import dev.parley.assistant.Assistant;
import dev.parley.assistant.Citation;
import dev.parley.assistant.KnowledgeGapFound;
import dev.parley.assistant.ToolInvocation;
import dev.parley.assistant.ToolOutcome;
import dev.parley.assistant.Turn;
import dev.parley.assistant.Turn.Escalation;
import dev.parley.assistant.TurnRequest;
import dev.parley.assistant.internal.understanding.Entities;
import dev.parley.assistant.internal.understanding.Entity;
import dev.parley.assistant.internal.understanding.ReportedProblems;
import dev.parley.tenancy.StoreSettings;
import dev.parley.tenancy.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * One turn of the offline engine: understand, decide (escalation rules first), act through the tool gate, retrieve,
 * answer, and report what happened and how long each stage took. Every fact it relies on comes from the message, the
 * conversation's memory or a tool, never from a guess.
 */
@Service
class TurnEngine implements Assistant {

    static final Set<String> SMALL_TALK = Set.of("greeting", "thanks", "goodbye");
    /** Similarity of a passage to the question at which retrieval counts as weak (0) and as sure (1). */
    static final double WEAK_MATCH = 0.25;

    static final double STRONG_MATCH = 0.70;

    /** How sure the intent must be that the customer asks for a discount code, to be told codes are not given so. */
    static final double ASKS_FOR_A_CODE = 0.8;

    private final Understanding understanding;
    private final ToolGate gate;
    private final Workspaces workspaces;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ModelAnswers model;

    TurnEngine(
            Understanding understanding,
            ToolGate gate,
            Workspaces workspaces,
            Clock clock,
            ApplicationEventPublisher events,
            ModelAnswers model) {
        this.understanding = understanding;
        this.gate = gate;
        this.workspaces = workspaces;
        this.clock = clock;
        this.events = events;
        this.model = model;
    }

    @Override
    public Turn respond(TurnRequest request) {
        return respond(request, null);
    }

    /**
     * A turn whose answer is streamed to {@code onToken} as the model writes it. The returned turn is what counts: when
     * no model answered (offline, or the model failed midway), its reply is not what was streamed, and it is sent
     * whole to {@code onToken} once at the end when nothing was streamed.
     */
    Turn respondStreaming(TurnRequest request, Consumer<String> onToken) {
        boolean[] streamed = {false};
        Turn turn = respond(request, token -> {
            streamed[0] = true;
            onToken.accept(token);
        });
        if (!streamed[0]) {
            onToken.accept(turn.reply());
        }
        return turn;
    }

    private Turn respond(TurnRequest request, Consumer<String> onToken) {
        long started = System.nanoTime();
        Map<String, Double> timings = new LinkedHashMap<>();
        String message = request.message() == null ? "" : request.message().strip();

        StoreSettings settings = workspaces.settings(request.workspaceId());
        LocalDate today = LocalDate.ofInstant(
                clock.instant(), ZoneId.of(settings.workingHours().timezone()));
        Understanding.Understood understood =
                understanding.understand(request.workspaceId(), request.mode(), message, today);
        long understoodAt = lap(timings, "understand", started);

        Map<String, String> facts = new HashMap<>(request.facts());
        learn(facts, understood.entities());
        Map<String, String> signals = signals(understood, message);
        boolean smallTalk = SMALL_TALK.contains(understood.intent()) && understood.intentConfidence() >= 0.6;
        Optional<Escalation> escalation = EscalationRules.decide(
                request, understood.intent(), understood.intentConfidence(), understood.sentiment(), 1.0, settings);
        long decidedAt = lap(timings, "decide", understoodAt);

        List<ActionTaken> actions = new ArrayList<>();
        List<Citation> sources = new ArrayList<>();
        List<OfflineAnswers.Passage> passages = new ArrayList<>();
        // A store question goes to its store tool first; the tool's policy decides what the customer is told.
        String toolReply = null;
        String refusal = null;
        if (escalation.isEmpty() && !smallTalk && !message.isEmpty()) {
            Optional<StorePlan.Step> step = StorePlan.next(
                    understood.intent(), understood.intentConfidence(), message, understood.entities(), facts);
            if (step.isPresent() && gate.available(step.get().tool(), request.workspaceId(), request.mode())) {
                ToolGate.Call call = gate.call(
                        step.get().tool(),
                        invocation(request, message, step.get().arguments(), withSignals(facts, signals)));
                actions.add(call.action());
                switch (call.outcome()) {
                    case ToolOutcome.Done done -> {
                        facts.putAll(done.factsLearned());
                        facts.remove("pending_tool");
                        toolReply = understood.otherIntents().isEmpty()
                                ? done.answer()
                                : done.answer() + "\n\n"
                                        + OfflineAnswers.alsoAsked(
                                                understood.otherIntents().getFirst(), understood.language());
                    }
                    case ToolOutcome.NeedsInfo needs -> {
                        facts.put("pending_tool", step.get().tool());
                        toolReply = needs.question();
                    }
                    case ToolOutcome.Refused refused
                    when refused.escalate() -> {
                        facts.remove("pending_tool");
                        escalation = Optional.of(new Escalation("policy", "normal", refused.reason()));
                        refusal = refused.message();
                    }
                    case ToolOutcome.Refused refused
                    when refused.message() != null -> {
                        facts.remove("pending_tool");
                        toolReply = refused.message();
                    }
                    default -> {}
                }
            }
            // Making up for a problem with the customer's order is offered, never asked for; the tool's policy decides.
            Optional<StorePlan.Step> recovery = StorePlan.recovery(understood.sentiment(), facts);
            if (escalation.isEmpty()
                    && recovery.isPresent()
                    && gate.available(recovery.get().tool(), request.workspaceId(), request.mode())) {
                ToolGate.Call call = gate.call(
                        recovery.get().tool(),
                        invocation(request, message, recovery.get().arguments(), withSignals(facts, signals)));
                actions.add(call.action());
                if (call.outcome() instanceof ToolOutcome.Done done) {
                    facts.putAll(done.factsLearned());
                    toolReply = toolReply == null ? done.answer() : toolReply + "\n\n" + done.answer();
                }
            }
        }
        if (escalation.isEmpty() && !smallTalk && !message.isEmpty() && toolReply == null) {
            ToolGate.Call search =
                    gate.call("search_knowledge", invocation(request, message, Map.of("query", message), facts));
            actions.add(search.action());
            if (search.outcome() instanceof ToolOutcome.Done done) {
                sources.addAll(done.sources());
                passages.addAll(passages(done.details()));
            }
        }
        long retrievedAt = lap(timings, "retrieve", decidedAt);

        double retrieval = passages.isEmpty() ? 0 : strength(passages.getFirst().similarity());
        double intentConfidence = understood.intent().equals("other") ? 0.3 : understood.intentConfidence();
        double confidence = toolReply != null
                ? Math.max(0.9, understood.intentConfidence())
                : smallTalk || escalation.isPresent()
                        ? understood.intentConfidence()
                        : message.isEmpty() ? 0 : 0.3 * intentConfidence + 0.7 * retrieval;
        if (escalation.isEmpty() && toolReply == null) {
            escalation = EscalationRules.decide(
                    request,
                    understood.intent(),
                    understood.intentConfidence(),
                    understood.sentiment(),
                    confidence,
                    settings);
        }
        // With a model, it answers, unless the rules above already handed over; policy is judged again after it.
        String language = understood.language().equals("uz") ? "uz" : "en";
        ModelAnswers.Outcome modelled = null;
        if (escalation.isEmpty() && !smallTalk && !message.isEmpty() && toolReply == null) {
            modelled = model.answer(
                            new ModelAnswers.Question(
                                    request,
                                    message,
                                    withSignals(facts, signals),
                                    passages,
                                    sources,
                                    settings,
                                    language),
                            onToken)
                    .orElse(null);
        }
        if (modelled != null) {
            actions.addAll(modelled.actions());
            for (ToolGate.Call call : modelled.calls()) {
                switch (call.outcome()) {
                    case ToolOutcome.Done done -> {
                        facts.putAll(done.factsLearned());
                        if (call.action().tool().equals("handoff") && escalation.isEmpty()) {
                            escalation = Optional.of(new Escalation(
                                    "assistant_request",
                                    String.valueOf(done.details().getOrDefault("priority", "normal")),
                                    String.valueOf(done.details().get("reason"))));
                        }
                    }
                    case ToolOutcome.Refused refused -> {
                        if (refused.escalate() && escalation.isEmpty()) {
                            escalation = Optional.of(new Escalation("policy", "normal", refused.reason()));
                            refusal = refused.message();
                        }
                    }
                    default -> {}
                }
            }
            timings.put("model", round((System.nanoTime() - retrievedAt) / 1e6));
        }
        boolean modelAnswered = modelled != null && !modelled.failed() && escalation.isEmpty();
        boolean handedOffByModel = modelled != null
                && modelled.calls().stream()
                        .anyMatch(c -> c.action().tool().equals("handoff") && c.outcome() instanceof ToolOutcome.Done);

        String backAt = null;
        if (escalation.isPresent()) {
            Escalation e = escalation.get();
            if (!handedOffByModel) {
                ToolGate.Call handoff = gate.call(
                        "handoff",
                        invocation(request, message, Map.of("reason", e.reason(), "priority", e.priority()), facts));
                actions.add(handoff.action());
            }
            Instant now = clock.instant();
            if (!WorkingHoursClock.open(settings.workingHours(), now)) {
                backAt = WorkingHoursClock.nextOpening(settings.workingHours(), now)
                        .map(opening -> WorkingHoursClock.describe(opening, now, understood.language()))
                        .orElse(null);
            }
        }
        long actedAt = lap(timings, "act", retrievedAt);

        String reply;
        boolean unsure = false;
        if (escalation.isPresent()) {
            reply = OfflineAnswers.handedOff(language, backAt);
            if (refusal != null && !refusal.isBlank()) {
                reply = refusal + " " + reply;
            }
            sources.clear();
        } else if (toolReply != null) {
            reply = toolReply;
            sources.clear();
        } else if (modelAnswered) {
            reply = modelled.reply();
            boolean actedThroughTools = modelled.calls().stream()
                    .anyMatch(c ->
                            !c.action().tool().equals("search_knowledge") && c.outcome() instanceof ToolOutcome.Done);
            unsure = modelled.cited().isEmpty()
                    && !actedThroughTools
                    && (passages.isEmpty() || confidence < settings.escalationConfidenceThreshold());
            sources.clear();
            sources.addAll(modelled.cited());
        } else if (smallTalk) {
            reply = OfflineAnswers.smallTalk(
                    understood.intent(), language, settings.brandVoice(), request.customerName());
        } else if ((passages.isEmpty() || confidence < settings.escalationConfidenceThreshold())
                && understood.intent().equals("discount_request")
                && understood.intentConfidence() >= ASKS_FOR_A_CODE) {
            reply = OfflineAnswers.noCodesOnRequest(language);
            sources.clear();
        } else if (passages.isEmpty() || confidence < settings.escalationConfidenceThreshold()) {
            reply = OfflineAnswers.unsure(language);
            unsure = true;
            sources.clear();
        } else {
            reply = OfflineAnswers.fromPassages(
                    message, passages, settings.brandVoice(), request.customerName(), language);
            // Cite what the reply rests on: the best passage, and the second when the reply points to it too.
            List<Citation> cited = new ArrayList<>(List.of(sources.getFirst()));
            if (sources.size() > 1
                    && !sources.get(1).title().equals(sources.getFirst().title())
                    && passages.get(1).similarity() >= passages.getFirst().similarity() - 0.05) {
                cited.add(sources.get(1));
            }
            sources.clear();
            sources.addAll(cited);
        }
        int streak = Integer.parseInt(facts.getOrDefault("low_confidence_streak", "0"));
        facts.put("low_confidence_streak", Integer.toString(unsure ? streak + 1 : 0));
        if (unsure && !message.isEmpty()) {
            events.publishEvent(new KnowledgeGapFound(
                    request.workspaceId(), request.mode(), request.conversationId(), abbreviate(message), confidence));
        }
        lap(timings, "answer", actedAt);
        timings.put("total", round((System.nanoTime() - started) / 1e6));

        Turn.Analysis analysis = new Turn.Analysis(
                understood.intent(),
                round(understood.intentConfidence()),
                understood.otherIntents(),
                understood.sentiment(),
                round(understood.sentimentScore()),
                round(confidence),
                language,
                understood.detected());
        return new Turn(
                reply,
                analysis,
                actions,
                List.copyOf(sources),
                escalation.orElse(null),
                Map.copyOf(facts),
                timings,
                modelAnswered ? modelled.model() : "offline",
                modelled == null ? 0 : modelled.tokensUsed());
    }

    /**
     * What the message itself tells the conversation's memory: the last order number and email it names, and a new
     * address it gives (kept for a change of address that must first ask who the customer is). An email is only
     * "given", never "verified" here.
     */
    private static void learn(Map<String, String> facts, Entities entities) {
        entities.all(Entity.OrderNumber.class).forEach(order -> facts.put("order_number", order.number()));
        entities.all(Entity.Email.class).forEach(email -> facts.put("email_given", email.address()));
        entities.newAddress().ifPresent(address -> facts.put(StorePlan.NEW_ADDRESS, address.value()));
    }

    /** What the tools' policy may weigh of this turn's message: how the customer feels, a problem they report. */
    private static Map<String, String> signals(Understanding.Understood understood, String message) {
        Map<String, String> signals = new HashMap<>();
        signals.put(ToolInvocation.CUSTOMER_SENTIMENT, understood.sentiment());
        ReportedProblems.in(message).ifPresent(problem -> signals.put(ToolInvocation.REPORTED_PROBLEM, problem));
        return signals;
    }

    private static Map<String, String> withSignals(Map<String, String> facts, Map<String, String> signals) {
        Map<String, String> all = new HashMap<>(facts);
        all.putAll(signals);
        return Map.copyOf(all);
    }

    @SuppressWarnings("unchecked")
    private static List<OfflineAnswers.Passage> passages(Map<String, Object> details) {
        Object found = details.get("passages");
        if (!(found instanceof List<?> list)) {
            return List.of();
        }
        List<OfflineAnswers.Passage> passages = new ArrayList<>();
        for (Object item : list) {
            Map<String, Object> p = (Map<String, Object>) item;
            passages.add(new OfflineAnswers.Passage(
                    (String) p.get("title"),
                    (String) p.get("heading"),
                    (String) p.get("text"),
                    (String) p.get("url"),
                    ((Number) p.get("similarity")).doubleValue()));
        }
        return passages;
    }

    static double strength(double similarity) {
        return Math.max(0, Math.min(1, (similarity - WEAK_MATCH) / (STRONG_MATCH - WEAK_MATCH)));
    }

    private static ToolInvocation invocation(
            TurnRequest request, String message, Map<String, Object> arguments, Map<String, String> facts) {
        return new ToolInvocation(
                request.workspaceId(), request.mode(), request.conversationId(), message, arguments, facts);
    }

    private static long lap(Map<String, Double> timings, String stage, long since) {
        long now = System.nanoTime();
        timings.put(stage, round((now - since) / 1e6));
        return now;
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
