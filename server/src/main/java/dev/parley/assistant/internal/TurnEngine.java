package dev.parley.assistant.internal;

import dev.parley.assistant.ActionTaken;
import dev.parley.assistant.Assistant;
import dev.parley.assistant.Citation;
import dev.parley.assistant.ConversationMemory;
import dev.parley.assistant.ConversationMemory.Confirmation;
import dev.parley.assistant.ConversationMemory.Task;
import dev.parley.assistant.KnowledgeGapFound;
import dev.parley.assistant.ReportedProblems;
import dev.parley.assistant.ToolArguments;
import dev.parley.assistant.ToolInvocation;
import dev.parley.assistant.ToolOutcome;
import dev.parley.assistant.Turn;
import dev.parley.assistant.Turn.Escalation;
import dev.parley.assistant.TurnRequest;
import dev.parley.assistant.internal.TurnDecision.Answer;
import dev.parley.assistant.internal.TurnDecision.Ask;
import dev.parley.assistant.internal.TurnDecision.Confirmed;
import dev.parley.assistant.internal.TurnDecision.Context;
import dev.parley.assistant.internal.TurnDecision.Decision;
import dev.parley.assistant.internal.TurnDecision.Declined;
import dev.parley.assistant.internal.TurnDecision.HandOff;
import dev.parley.assistant.internal.TurnDecision.Propose;
import dev.parley.assistant.internal.TurnDecision.Reassure;
import dev.parley.assistant.internal.TurnDecision.Run;
import dev.parley.assistant.internal.TurnDecision.SmallTalk;
import dev.parley.assistant.internal.TurnDecision.StayWithThem;
import dev.parley.assistant.internal.TurnDecision.Tracked;
import dev.parley.assistant.internal.understanding.Entity;
import dev.parley.assistant.internal.understanding.MessageIntents;
import dev.parley.assistant.internal.understanding.Misspellings;
import dev.parley.tenancy.StoreSettings;
import dev.parley.tenancy.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * One turn of the assistant, as named stages over the conversation's {@link ConversationMemory}: understand the
 * message, track the task (its slots, an answer to a pending action), decide what to do, act (through the tool gate,
 * the knowledge, the model when there is one, a handoff), and answer. Every fact it relies on comes from the message,
 * the memory or a tool, never from a guess; every change to an order waits for the customer's explicit yes.
 */
@Service
class TurnEngine implements Assistant {

    /** Similarity of a passage to the question at which retrieval counts as weak (0) and as sure (1). */
    static final double WEAK_MATCH = 0.25;

    static final double STRONG_MATCH = 0.70;

    /** How sure the intent must be that the customer asks for a discount code, to be told codes are not given so. */
    static final double ASKS_FOR_A_CODE = 0.8;

    private final Understanding understanding;
    private final ToolGate gate;
    private final Workspaces workspaces;
    private final Clock clock;
    private final ModelAnswers model;

    TurnEngine(Understanding understanding, ToolGate gate, Workspaces workspaces, Clock clock, ModelAnswers model) {
        this.understanding = understanding;
        this.gate = gate;
        this.workspaces = workspaces;
        this.clock = clock;
        this.model = model;
    }

    @Override
    public Turn respond(TurnRequest request) {
        return run(request, null);
    }

    @Override
    public Turn respond(TurnRequest request, Consumer<String> onText) {
        return respondStreaming(request, onText);
    }

    /**
     * A turn whose answer is streamed to {@code onToken} as the model writes it. The returned turn is what counts: when
     * no model answered (offline, or the model failed midway), its reply is not what was streamed. When nothing was
     * streamed, the reply is sent to {@code onToken} at the end word by word, so that a chat shows every answer the
     * same way, whether a model wrote it or not.
     */
    Turn respondStreaming(TurnRequest request, Consumer<String> onToken) {
        boolean[] streamed = {false};
        Turn turn = run(request, token -> {
            streamed[0] = true;
            onToken.accept(token);
        });
        if (!streamed[0]) {
            words(turn.reply()).forEach(onToken);
        }
        return turn;
    }

    /** The text cut after each run of spaces: the pieces, joined, are the text again. */
    static List<String> words(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("(?<=\\s)(?=\\S)"));
    }

    private Turn run(TurnRequest request, Consumer<String> onToken) {
        Stopwatch watch = new Stopwatch();
        Context turn = understand(request);
        watch.lap("understand");
        Tracked tracked = TurnDecision.track(turn, tool -> gate.available(tool, request.workspaceId(), request.mode()));
        watch.lap("track");
        Decision decision =
                turn.message().isEmpty() ? new Answer() : TurnDecision.decide(turn, tracked, gate::needsCustomerYes);
        watch.lap("decide");
        Acted acted = act(turn, tracked, decision, onToken, watch);
        watch.lap("act");
        return answer(turn, tracked, decision, acted, watch);
    }

    // ---- understand

    private Context understand(TurnRequest request) {
        String message = request.message() == null
                ? ""
                : Misspellings.standard().corrected(request.message().strip());
        StoreSettings settings = workspaces.settings(request.workspaceId());
        LocalDate today = LocalDate.ofInstant(
                clock.instant(), ZoneId.of(settings.workingHours().timezone()));
        Understanding.Understood understood =
                understanding.understand(request.workspaceId(), request.mode(), message, today);
        Map<String, String> signals = new HashMap<>();
        signals.put(ToolInvocation.CUSTOMER_SENTIMENT, understood.sentiment());
        ReportedProblems.in(message).ifPresent(problem -> signals.put(ToolInvocation.REPORTED_PROBLEM, problem));
        String language = understood.language().equals("uz") ? "uz" : "en";
        if (!saysAnythingInWords(message)) {
            // a bare email or order number is in no language: the reply stays in the customer's last words'
            language = lastCustomerWords(request)
                    .map(words -> understanding.language(words).equals("uz") ? "uz" : "en")
                    .orElse(language);
        }
        signals.put(ToolInvocation.CUSTOMER_LANGUAGE, language);
        return new Context(request, message, understood, settings, language, Map.copyOf(signals));
    }

    private static final Pattern NOT_WORDS = Pattern.compile("\\S+@\\S+|https?://\\S+|[^\\p{L}'ʻ]+");

    /** Whether a message has two or more words of letters besides emails and links ("jane@example.com" has none). */
    private static boolean saysAnythingInWords(String message) {
        return Arrays.stream(NOT_WORDS.matcher(message).replaceAll(" ").strip().split("\\s+"))
                        .filter(w -> w.length() > 1)
                        .count()
                >= 2;
    }

    private static Optional<String> lastCustomerWords(TurnRequest request) {
        List<TurnRequest.PriorMessage> history = request.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            TurnRequest.PriorMessage prior = history.get(i);
            if (prior.role() == TurnRequest.Speaker.CUSTOMER && saysAnythingInWords(prior.content())) {
                return Optional.of(prior.content());
            }
        }
        return Optional.empty();
    }

    // ---- act

    /**
     * What acting did.
     *
     * @param reply the reply, or {@code null} when the knowledge or the model is to answer
     * @param sure whether the reply is the assistant's own certain step (a task's), not an answer to judge
     * @param offersPerson whether the reply could not help and offers a person, so that a yes next takes it up
     */
    private record Acted(
            String reply,
            boolean sure,
            List<ActionTaken> actions,
            ConversationMemory memory,
            Escalation escalation,
            String refusal,
            Retrieved retrieved,
            ModelAnswers.Outcome modelled,
            boolean offersPerson) {

        Acted(
                String reply,
                boolean sure,
                List<ActionTaken> actions,
                ConversationMemory memory,
                Escalation escalation,
                String refusal,
                Retrieved retrieved,
                ModelAnswers.Outcome modelled) {
            this(reply, sure, actions, memory, escalation, refusal, retrieved, modelled, false);
        }
    }

    /**
     * What the knowledge search found for the message, and for each of its asks when it asks several things ("do you
     * ship to Canada, and can I pay with Apple Pay?"): one search of the whole finds the article of one ask at best.
     */
    private record Retrieved(List<Citation> sources, List<OfflineAnswers.Passage> passages, List<Ask> asks) {
        static final Retrieved NOTHING = new Retrieved(List.of(), List.of(), List.of());

        Retrieved(List<Citation> sources, List<OfflineAnswers.Passage> passages) {
            this(sources, passages, List.of());
        }

        Retrieved withAsks(List<Ask> asks) {
            return new Retrieved(sources, passages, List.copyOf(asks));
        }

        /** One ask of several in the message, and what the search found for it alone. */
        record Ask(String words, Retrieved found) {}
    }

    private Acted act(Context turn, Tracked tracked, Decision decision, Consumer<String> onToken, Stopwatch watch) {
        ConversationMemory memory = tracked.memory();
        List<ActionTaken> actions = new ArrayList<>();
        return switch (decision) {
            case HandOff handOff -> handOff(turn, memory.withTask(null), actions, handOff.escalation(), handOff.said());
            case SmallTalk small -> sure(null, actions, memory);
            case StayWithThem stay -> sure(OfflineAnswers.stayWithThem(turn.language()), actions, memory);
            case Declined declined -> sure(TaskReplies.declined(declined.action(), turn.language()), actions, memory);
            case Ask ask -> {
                String question = TaskReplies.ask(ask.slot(), ask.task(), turn.language(), memory.lastQuestion());
                boolean problem = ask.task().name().equals(TaskFlows.REPORT_PROBLEM)
                        || ask.task().name().equals(TaskFlows.MISSING_PARCEL);
                if ((problem && memory.lastQuestion() == null) || (turn.upset() && !problem)) {
                    // an upset customer hears an apology before the question, not the question alone
                    question = TaskReplies.apology(turn.language()) + " " + question;
                }
                actions.add(new ActionTaken(
                        "information_requested",
                        TaskFlows.FLOWS.get(ask.task().name()).tool(),
                        ActionTaken.Status.NEEDS_INFO,
                        Map.of("field", ask.slot())));
                yield sure(question, actions, memory.withLastQuestion(question));
            }
            case Reassure reassure ->
                sure(TaskReplies.reassure(reassure.slot(), reassure.task(), turn.language()), actions, memory);
            case Propose propose -> propose(turn, memory, actions, propose.action());
            case Confirmed confirmed ->
                runTool(turn, memory, actions, confirmed.action().tool(), TaskFlows.arguments(confirmed.action()));
            case Run run -> runTool(turn, memory, actions, run.tool(), run.arguments());
            case Answer answer -> answerQuestion(turn, memory, actions, onToken, watch);
        };
    }

    private static Acted sure(String reply, List<ActionTaken> actions, ConversationMemory memory) {
        return new Acted(reply, true, actions, memory, null, null, Retrieved.NOTHING, null);
    }

    /**
     * States a consequential action for the customer's yes, unless the tool's policy would refuse it already (or needs
     * something first): then that is the answer. The policy decides again when the customer says yes.
     */
    private Acted propose(Context turn, ConversationMemory memory, List<ActionTaken> actions, Confirmation action) {
        Optional<ToolGate.Call> checked =
                gate.precheck(action.tool(), invocation(turn, TaskFlows.arguments(action), memory));
        if (checked.isPresent()) {
            actions.add(checked.get().action());
            return afterCall(turn, memory, actions, checked.get());
        }
        Map<String, Object> details = new LinkedHashMap<>(action.arguments());
        details.put("field", "confirmation");
        actions.add(new ActionTaken("confirmation_requested", action.tool(), ActionTaken.Status.NEEDS_INFO, details));
        String statement = TaskReplies.confirm(action, turn.language());
        return sure(statement, actions, memory.withPending(action).withLastQuestion(statement));
    }

    /** A store tool's call, its outcome in the memory, and a task set aside taken up again once this one is over. */
    private Acted runTool(
            Context turn, ConversationMemory before, List<ActionTaken> actions, String tool, ToolArguments args) {
        ToolGate.Call call = gate.call(tool, invocation(turn, args, before));
        actions.add(call.action());
        return afterCall(turn, before, actions, call);
    }

    /** What a tool's outcome means for the conversation: facts learned, a question, a refusal, a handoff. */
    private Acted afterCall(Context turn, ConversationMemory before, List<ActionTaken> actions, ToolGate.Call call) {
        ConversationMemory memory = before.withLastQuestion(null);
        Task task = memory.task();
        String reply;
        boolean offersPerson = false;
        switch (call.outcome()) {
            case ToolOutcome.Done done -> {
                memory = memory.learned(done.factsLearned()).withTask(null);
                String answer = task != null && task.name().equals(TaskFlows.REPORT_PROBLEM)
                        ? problemReply(turn, memory, actions, task)
                        : done.answer();
                if (task != null && task.name().equals(TaskFlows.PRODUCT_SEARCH)) {
                    Task shown = task.with(TaskFlows.SHOWN, shownProducts(done));
                    Optional<String> cheapest = cheapestShown(done);
                    memory = memory.withLastSearch(
                            cheapest.isPresent() ? shown.with(TaskFlows.SHOWN_MIN_PRICE, cheapest.get()) : shown);
                    if (shownProducts(done).isEmpty()) {
                        // "do you sell gift cards?": the catalogue has none, but the help centre may say
                        Optional<CatalogueMiss> instead = knowledgeInstead(turn, memory, actions);
                        if (instead.isPresent()) {
                            answer = instead.get().reply();
                            offersPerson = instead.get().offersPerson();
                        }
                    }
                }
                answer = withOtherOrders(
                        answer, turn, memory, actions, call.action().tool(), task);
                reply = greeted(turn, withOtherAsks(answer, turn, memory, actions));
                if (task != null && task.slots().containsKey(TaskFlows.COMPENSATION_ASKED)) {
                    return compensation(turn, memory, actions, reply);
                }
                if (task != null
                        && task.name().equals(TaskFlows.MISSING_PARCEL)
                        && "delivered".equals(done.details().get("status"))) {
                    // the store shows it delivered and the customer has nothing: a person checks with the carrier
                    EscalationRules.PeopleOnly missing = EscalationRules.notReceived();
                    return handOff(
                            turn,
                            memory,
                            actions,
                            new Escalation(missing.reason(), "high", "Marked delivered, not received"),
                            reply + "\n\n" + missing.said(turn.language()));
                }
            }
            case ToolOutcome.NeedsInfo needs -> {
                memory = memory.withTask(task == null ? null : task.missing(List.of(needs.field())))
                        .withLastQuestion(needs.question());
                return sure(needs.question(), actions, memory);
            }
            case ToolOutcome.Refused refused
            when refused.escalate() -> {
                return handOff(
                        turn,
                        memory.withTask(null),
                        actions,
                        new Escalation("policy", "normal", refused.reason()),
                        refused.message());
            }
            case ToolOutcome.Refused refused
            when "order_not_verified".equals(refused.reason()) && task != null -> {
                // The email did not match: forget it (counted: the order tools stop checking after a few) and wait for
                // the right one.
                memory = memory.withIdentity(memory.identity().mismatched())
                        .withTask(task.missing(List.of(TaskFlows.EMAIL)));
                return sure(refused.message(), actions, memory);
            }
            case ToolOutcome.Refused refused
            when "too_many_email_attempts".equals(refused.reason()) -> {
                // no more emails are checked for this conversation: a person can help, if the customer wants one
                memory = memory.withIdentity(memory.identity().mismatched()).withTask(null);
                return new Acted(refused.message(), true, actions, memory, null, null, Retrieved.NOTHING, null, true);
            }
            case ToolOutcome.Refused refused -> {
                memory = memory.withTask(null);
                reply = refused.message() == null ? OfflineAnswers.unsure(turn.language()) : refused.message();
            }
        }
        return said(turn, memory, actions, task, reply, offersPerson);
    }

    /**
     * A tool's answer as the customer reads it: a service-recovery apology first (or a plain one to an upset customer
     * not yet apologised to), then the way back to a task left for this one.
     */
    private Acted said(
            Context turn,
            ConversationMemory memory,
            List<ActionTaken> actions,
            Task task,
            String reply,
            boolean offersPerson) {
        Recovered recovered = recover(turn, memory, actions);
        String apologised = recovered.apology() != null
                ? TaskReplies.apologyFirst(reply, recovered.apology())
                : turn.upset() && !apologised(task) && !TaskReplies.opensWithApology(reply)
                        ? TaskReplies.apology(turn.language()) + " " + reply
                        : reply;
        ComeBack back = comeBack(turn, recovered.memory(), gate::needsCustomerYes);
        String whole = back.reply() == null ? apologised : apologised + "\n\n" + back.reply();
        return new Acted(whole, true, actions, back.memory(), null, null, Retrieved.NOTHING, null, offersPerson);
    }

    /**
     * The answer to a damaged or wrong item on an order now known to be the customer's: an apology, the store's policy
     * for it from the help centre when it has one, and the remedies to choose from.
     */
    private String problemReply(Context turn, ConversationMemory memory, List<ActionTaken> actions, Task task) {
        String problem = task.slots().getOrDefault(TaskFlows.PROBLEM, "damaged");
        Retrieved policy = search(
                turn, turn.message() + " " + KnowledgeTopics.of("refund_policy").orElse(""), memory, actions);
        String stated = null;
        if (!policy.passages().isEmpty()
                && strength(policy.passages().getFirst().similarity()) > 0) {
            stated = OfflineAnswers.relevantSentences(
                    problem.equals("wrong_item") ? "wrong item sent" : "item arrived damaged",
                    policy.passages().getFirst().text(),
                    understanding::nearness);
        }
        return TaskReplies.problem(task.slots().get(TaskFlows.ORDER_NUMBER), problem, stated, turn.language());
    }

    /** The ids of the products a search showed, in order, so "the second one" can be picked next. */
    private static String shownProducts(ToolOutcome.Done search) {
        if (!(search.details().get("products") instanceof List<?> products)) {
            return "";
        }
        return String.join(
                ",",
                products.stream()
                        .filter(p -> p instanceof Map<?, ?>)
                        .map(p -> String.valueOf(((Map<?, ?>) p).get("id")))
                        .toList());
    }

    /**
     * Compensation asked for an order now known to be the customer's: the discount policy may make up for a problem
     * with it; otherwise a person decides. Never a refund the customer did not ask for.
     */
    private Acted compensation(Context turn, ConversationMemory memory, List<ActionTaken> actions, String status) {
        Recovered recovered = recover(turn, true, memory, actions);
        if (recovered.apology() != null) {
            return sure(TaskReplies.apologyFirst(status, recovered.apology()), actions, recovered.memory());
        }
        return handOff(
                turn,
                memory,
                actions,
                new Escalation("compensation_request", "normal", "The customer asks for compensation"),
                status + "\n\n" + TaskReplies.compensationPassedOn(turn.language()));
    }

    /**
     * A lookup's answer with the other orders the message names looked up too ("where are my orders 1001 and 1008?"),
     * each through the same tool and its checks, so an order not the customer's is refused as it would be alone.
     */
    private String withOtherOrders(
            String answer, Context turn, ConversationMemory memory, List<ActionTaken> actions, String tool, Task task) {
        if (task == null || !(task.name().equals("order_status") || task.name().equals("track_order"))) {
            return answer;
        }
        String looked = task.slots().get(TaskFlows.ORDER_NUMBER);
        List<String> others = turn.understood().entities().all(Entity.OrderNumber.class).stream()
                .map(Entity.OrderNumber::number)
                .filter(number -> !number.equals(looked))
                .distinct()
                .limit(MORE_ORDERS)
                .toList();
        StringBuilder all = new StringBuilder(answer);
        for (String other : others) {
            ToolGate.Call call =
                    gate.call(tool, invocation(turn, ToolArguments.of(Map.of(TaskFlows.ORDER_NUMBER, other)), memory));
            actions.add(call.action());
            String said = switch (call.outcome()) {
                case ToolOutcome.Done done -> done.answer();
                case ToolOutcome.Refused refused -> refused.message();
                case ToolOutcome.NeedsInfo needs -> null;
            };
            if (said != null && !said.isBlank()) {
                all.append("\n\n").append(said);
            }
        }
        return all.toString();
    }

    /** How many more orders one message may ask after, besides the first. */
    static final int MORE_ORDERS = 3;

    /** The lowest price among the products a search showed. */
    private static Optional<String> cheapestShown(ToolOutcome.Done search) {
        if (!(search.details().get("products") instanceof List<?> products)) {
            return Optional.empty();
        }
        return products.stream()
                .filter(p -> p instanceof Map<?, ?> m && m.get("price") != null)
                .map(p -> new java.math.BigDecimal(String.valueOf(((Map<?, ?>) p).get("price"))))
                .min(java.math.BigDecimal::compareTo)
                .map(java.math.BigDecimal::toPlainString);
    }

    /** What to say of a catalogue question the catalogue has nothing for, and whether it offers a person. */
    private record CatalogueMiss(String reply, boolean offersPerson) {}

    /**
     * The help centre's answer to a catalogue question the catalogue has nothing for, when it says the thing is sold
     * (the store sells gift cards, but not as products). When the help centre only mentions it ("Gift cards ...
     * cannot be returned", "We accept ... our own gift cards"), that is no answer to "do you sell gift cards?": the
     * customer hears plainly that neither says, and a person is offered. Nothing near at all: the catalogue's answer.
     */
    private Optional<CatalogueMiss> knowledgeInstead(
            Context turn, ConversationMemory memory, List<ActionTaken> actions) {
        Retrieved found = search(turn, turn.message(), memory, actions);
        if (found.passages().isEmpty() || strength(match(turn.message(), found)) < SECOND_ASK_STRENGTH) {
            return Optional.empty();
        }
        Retrieved answering = answeringFirst(turn.message(), found);
        if (!OfflineAnswers.saysWhatIsSold(
                nearestSentenceOf(turn.message(), answering.passages().getFirst()))) {
            return Optional.of(new CatalogueMiss(OfflineAnswers.notSoldAsFarAsWeKnow(turn.language()), true));
        }
        return Optional.of(new CatalogueMiss(
                OfflineAnswers.fromPassages(
                        turn.message(),
                        answering.passages(),
                        understanding::nearness,
                        turn.settings().brandVoice(),
                        null,
                        turn.language()),
                false));
    }

    /** Whether the task's own answer already says sorry. */
    private static boolean apologised(Task task) {
        return task != null && task.name().equals(TaskFlows.REPORT_PROBLEM);
    }

    /** The first reply of a conversation greets a customer the caller named, as the brand voice says. */
    private static String greeted(Context turn, String reply) {
        String name = OfflineAnswers.address(
                turn.settings().brandVoice(), turn.request().customerName());
        if (name.isEmpty() || !turn.request().history().isEmpty()) {
            return reply;
        }
        return (turn.settings().brandVoice().tone().equals("formal") ? "Hello" : "Hi") + name + "! " + reply;
    }

    /** How sure the knowledge must be of a second ask's answer to give it beside a task's. */
    static final double SECOND_ASK_STRENGTH = 0.5;

    private static final java.util.regex.Pattern NAMES_AN_ORDER = java.util.regex.Pattern.compile("\\d{4,}");

    /**
     * A task's answer with the message's other asks answered from the knowledge when it answers them surely ("where's
     * my order 1001 and what time does the Portland shop close?"); an ask it cannot answer is named for the next turn.
     */
    private String withOtherAsks(String answer, Context turn, ConversationMemory memory, List<ActionTaken> actions) {
        List<String> others = turn.understood().otherIntents();
        List<String> asks = new ArrayList<>();
        if (!others.isEmpty()) {
            MessageIntents.clauses(turn.message()).stream()
                    .filter(clause -> !NAMES_AN_ORDER.matcher(clause).find())
                    .forEach(asks::add);
        }
        TaskFlows.howItWorks(turn.message())
                .filter(clause -> !NAMES_AN_ORDER.matcher(clause).find() && !asks.contains(clause))
                .ifPresent(asks::add);
        for (String ask : asks) {
            Retrieved found = search(turn, ask, memory, actions);
            Optional<String> topic = KnowledgeTopics.of("other", 0, ask);
            if (topic.isPresent()
                    && (found.passages().isEmpty() || strength(match(ask, found)) < SECOND_ASK_STRENGTH)) {
                Retrieved widened = search(turn, ask + " " + topic.get(), memory, actions);
                if (!widened.passages().isEmpty()) {
                    found = widened;
                }
            }
            if (!found.passages().isEmpty() && strength(match(ask, found)) >= SECOND_ASK_STRENGTH) {
                String also = OfflineAnswers.fromPassages(
                        ask,
                        answeringFirst(ask, found).passages(),
                        understanding::nearness,
                        turn.settings().brandVoice(),
                        null,
                        turn.language());
                return answer + "\n\n" + also;
            }
        }
        return others.isEmpty()
                ? answer
                : answer + "\n\n" + OfflineAnswers.alsoAsked(others.getFirst(), turn.language());
    }

    /** A task set aside before this one, taken up again: its next question, or its action stated for a yes. */
    private record ComeBack(ConversationMemory memory, String reply) {}

    private static ComeBack comeBack(Context turn, ConversationMemory memory, Predicate<String> needsYes) {
        Task setAside = memory.setAside();
        if (setAside == null || memory.task() != null) {
            return new ComeBack(memory, null);
        }
        // Its slots are its own: an order named for the other task is not taken to be this one's.
        Task task = setAside.missing(TaskFlows.missing(setAside, memory));
        ConversationMemory resumed = memory.withSetAside(null).withTask(task);
        String intro = TaskReplies.backTo(task, turn.language());
        if (!task.missing().isEmpty()) {
            String question = TaskReplies.ask(task.missing().getFirst(), task, turn.language(), null);
            return new ComeBack(resumed.withLastQuestion(question), intro + " " + question);
        }
        if (needsYes.test(TaskFlows.FLOWS.get(task.name()).tool())) {
            Confirmation action = TaskFlows.confirmation(task);
            String statement = TaskReplies.confirm(action, turn.language());
            return new ComeBack(resumed.withPending(action).withLastQuestion(statement), intro + " " + statement);
        }
        return new ComeBack(resumed, null);
    }

    /** The memory after making up for a problem, and the apology with its code, if the tool's policy allowed one. */
    private record Recovered(ConversationMemory memory, String apology) {}

    /** Making up for a problem with the customer's order is offered, never asked for; the tool's policy decides. */
    private Recovered recover(Context turn, ConversationMemory memory, List<ActionTaken> actions) {
        return recover(turn, turn.upset(), memory, actions);
    }

    private Recovered recover(Context turn, boolean unhappy, ConversationMemory memory, List<ActionTaken> actions) {
        Optional<StorePlan.Step> recovery = StorePlan.recovery(unhappy, memory.toFacts());
        if (recovery.isEmpty()
                || !gate.available(
                        recovery.get().tool(),
                        turn.request().workspaceId(),
                        turn.request().mode())) {
            return new Recovered(memory, null);
        }
        ToolGate.Call call =
                gate.call(recovery.get().tool(), invocation(turn, recovery.get().arguments(), memory));
        actions.add(call.action());
        if (call.outcome() instanceof ToolOutcome.Done done) {
            return new Recovered(memory.learned(done.factsLearned()), done.answer());
        }
        return new Recovered(memory, null);
    }

    /** A handoff to people: through the handoff tool unless the model already called it. */
    private Acted handOff(
            Context turn, ConversationMemory memory, List<ActionTaken> actions, Escalation escalation, String refusal) {
        ToolGate.Call handoff = gate.call(
                "handoff",
                invocation(
                        turn,
                        ToolArguments.of(Map.of("reason", escalation.reason(), "priority", escalation.priority())),
                        memory));
        actions.add(handoff.action());
        return new Acted(
                null, true, actions, memory.withLastQuestion(null), escalation, refusal, Retrieved.NOTHING, null);
    }

    /**
     * A question for the knowledge: a recovery offer if the customer is upset about a verified order, else a search,
     * and the model's answer when there is a model. A consequential tool the model calls becomes an action stated
     * for the customer's yes.
     */
    private Acted answerQuestion(
            Context turn, ConversationMemory memory, List<ActionTaken> actions, Consumer<String> onToken, Stopwatch w) {
        if (!turn.smallTalk() && !turn.message().isEmpty()) {
            Recovered recovered = recover(turn, memory, actions);
            if (recovered.apology() != null) {
                return sure(recovered.apology(), actions, recovered.memory());
            }
        }
        Retrieved retrieved = retrieve(turn, memory, actions);
        w.lap("retrieve");
        double confidence = confidence(turn, retrieved);
        Optional<Escalation> unsure = EscalationRules.unsure(turn.request(), confidence, turn.settings());
        if (unsure.isPresent() && !OfflineAnswers.vague(turn.message())) {
            // a customer still trying to say what they need ("help") is asked again, with a person on offer
            return handOff(turn, memory, actions, unsure.get(), null);
        }
        if (turn.message().isEmpty()) {
            return new Acted(null, false, actions, memory, null, null, retrieved, null);
        }
        ModelAnswers.Outcome modelled = model.answer(
                        new ModelAnswers.Question(
                                turn.request(),
                                turn.message(),
                                withSignals(memory.toFacts(), turn.signals()),
                                retrieved.passages(),
                                retrieved.sources(),
                                turn.settings(),
                                turn.language()),
                        onToken)
                .orElse(null);
        if (modelled == null) {
            return new Acted(null, false, actions, memory, null, null, retrieved, null);
        }
        w.lap("model");
        return modelled(turn, memory, actions, retrieved, modelled);
    }

    /** What the model did, as policy takes it: a handoff it asked for or a refusal that hands over; a proposal. */
    private Acted modelled(
            Context turn,
            ConversationMemory before,
            List<ActionTaken> actions,
            Retrieved retrieved,
            ModelAnswers.Outcome modelled) {
        ConversationMemory memory = before;
        actions.addAll(modelled.actions());
        for (ToolGate.Call call : modelled.calls()) {
            switch (call.outcome()) {
                case ToolOutcome.Done done -> {
                    memory = memory.learned(done.factsLearned());
                    if (call.action().tool().equals("handoff")) {
                        Escalation asked = new Escalation(
                                "assistant_request",
                                String.valueOf(done.details().getOrDefault("priority", "normal")),
                                String.valueOf(done.details().get("reason")));
                        return new Acted(null, true, actions, memory, asked, null, retrieved, modelled);
                    }
                }
                case ToolOutcome.Refused refused
                when refused.escalate() -> {
                    return handOff(
                            turn,
                            memory,
                            actions,
                            new Escalation("policy", "normal", refused.reason()),
                            refused.message());
                }
                default -> {}
            }
        }
        if (modelled.proposed() != null) {
            Confirmation action = modelled.proposed();
            if (action.arguments().get(TaskFlows.ORDER_NUMBER) == null && memory.orderNumber() != null) {
                Map<String, String> arguments = new LinkedHashMap<>(action.arguments());
                arguments.put(TaskFlows.ORDER_NUMBER, memory.orderNumber());
                action = new Confirmation(action.task(), action.tool(), arguments);
            }
            return propose(turn, memory, actions, action);
        }
        return new Acted(null, false, actions, memory, null, null, retrieved, modelled);
    }

    private Retrieved retrieve(Context turn, ConversationMemory memory, List<ActionTaken> actions) {
        if (turn.message().isEmpty() || turn.smallTalk()) {
            return Retrieved.NOTHING;
        }
        Retrieved whole = search(turn, turn.message(), memory, actions);
        Optional<String> topic =
                KnowledgeTopics.of(turn.understood().intent(), turn.understood().intentConfidence(), turn.message());
        if (topic.isPresent() && confidence(turn, whole) < turn.settings().escalationConfidenceThreshold()) {
            // The customer's words alone found too little ("can you ship to London?" names no country the articles
            // do): the topic they asked about, as the intent says, joins them.
            Retrieved widened = search(turn, turn.message() + " " + topic.get(), memory, actions);
            if (!widened.passages().isEmpty()
                    && (whole.passages().isEmpty()
                            || widened.passages().getFirst().similarity()
                                    > whole.passages().getFirst().similarity())) {
                whole = widened;
            }
        }
        if (turn.understood().otherIntents().isEmpty()) {
            return whole;
        }
        List<Retrieved.Ask> asks = new ArrayList<>();
        for (String clause : MessageIntents.clauses(turn.message())) {
            asks.add(new Retrieved.Ask(clause, search(turn, clause, memory, actions)));
        }
        return whole.withAsks(asks);
    }

    private Retrieved search(Context turn, String query, ConversationMemory memory, List<ActionTaken> actions) {
        ToolGate.Call search =
                gate.call("search_knowledge", invocation(turn, ToolArguments.of(Map.of("query", query)), memory));
        actions.add(search.action());
        if (search.outcome() instanceof ToolOutcome.Done done) {
            return new Retrieved(List.copyOf(done.sources()), passages(done.details()));
        }
        return Retrieved.NOTHING;
    }

    /**
     * The asks of a message asking several things that the knowledge answers, each with its best passage, when they
     * are answered by different articles; empty when one answer serves (one ask, or one article for all).
     */
    private static List<Retrieved.Ask> answeredSeparately(Retrieved retrieved) {
        List<Retrieved.Ask> answered = retrieved.asks().stream()
                .filter(ask -> !ask.found().passages().isEmpty()
                        && strength(ask.found().passages().getFirst().similarity()) > 0)
                .toList();
        long articles = answered.stream()
                .map(ask -> ask.found().passages().getFirst().title())
                .distinct()
                .count();
        return articles >= 2 ? answered : List.of();
    }

    private double confidence(Context turn, Retrieved retrieved) {
        Understanding.Understood understood = turn.understood();
        if (turn.smallTalk()) {
            return understood.intentConfidence();
        }
        if (turn.message().isEmpty()) {
            return 0;
        }
        double retrieval = retrieved.passages().isEmpty() ? 0 : strength(match(turn.message(), retrieved));
        List<Retrieved.Ask> separately = answeredSeparately(retrieved);
        if (!separately.isEmpty()) {
            // Several asks, each answered by its own article: as sure as the least sure of them.
            double weakest = separately.stream()
                    .mapToDouble(
                            ask -> strength(ask.found().passages().getFirst().similarity()))
                    .min()
                    .orElse(0);
            retrieval = Math.max(retrieval, weakest);
        }
        double intentConfidence = understood.intent().equals("other") ? 0.3 : understood.intentConfidence();
        return 0.3 * intentConfidence + 0.7 * retrieval;
    }

    // ---- answer

    private Turn answer(Context turn, Tracked tracked, Decision decision, Acted acted, Stopwatch watch) {
        Written written = write(turn, decision, acted);
        String reply = written.reply();
        if (tracked.declined() != null && !(decision instanceof TurnDecision.Declined)) {
            reply = TaskReplies.leftAsIs(tracked.declined(), turn.language()) + " " + reply;
        }
        ConversationMemory memory = acted.memory()
                .withLowConfidenceStreak(
                        written.unsure() || acted.offersPerson()
                                ? acted.memory().lowConfidenceStreak() + 1
                                : 0);
        // Reported, not published: the gap is a fact only once the turn is stored (see Turn.knowledgeGap).
        KnowledgeGapFound gap = written.unsure() && !turn.message().isEmpty() && !OfflineAnswers.vague(turn.message())
                ? new KnowledgeGapFound(
                        turn.request().workspaceId(),
                        turn.request().mode(),
                        turn.request().conversationId(),
                        abbreviate(turn.message()),
                        written.confidence())
                : null;
        watch.lap("answer");
        watch.total();
        Understanding.Understood understood = turn.understood();
        Turn.Analysis analysis = new Turn.Analysis(
                understood.intent(),
                round(understood.intentConfidence()),
                understood.otherIntents(),
                understood.sentiment(),
                round(understood.sentimentScore()),
                round(written.confidence()),
                turn.language(),
                understood.detected());
        boolean modelAnswered = acted.modelled() != null && !acted.modelled().failed() && acted.escalation() == null;
        return new Turn(
                reply,
                analysis,
                List.copyOf(acted.actions()),
                written.sources(),
                acted.escalation(),
                memory,
                watch.timings(),
                modelAnswered && written.byModel() ? acted.modelled().model() : "offline",
                acted.modelled() == null ? 0 : acted.modelled().tokensUsed(),
                gap);
    }

    /** The reply's words, what it cites, how sure it is, and whether it admits it does not know. */
    private record Written(String reply, List<Citation> sources, double confidence, boolean unsure, boolean byModel) {}

    private Written write(Context turn, Decision decision, Acted acted) {
        Understanding.Understood understood = turn.understood();
        double sureOfTask = Math.max(0.9, understood.intentConfidence());
        if (acted.escalation() != null) {
            boolean said = acted.refusal() != null && !acted.refusal().isBlank();
            String reply = said && OfflineAnswers.saysHandedOver(acted.refusal())
                    // the refusal already says the request went to a person: the handoff is told once
                    ? OfflineAnswers.teamWillReply(turn.language(), backAt(turn))
                    : OfflineAnswers.handedOff(turn.language(), backAt(turn));
            boolean afterTrying = acted.escalation().reason().equals("customer_request")
                    && !turn.request().history().isEmpty();
            if (said && OfflineAnswers.apologises(acted.refusal())) {
                // what is said first already says sorry
            } else if (acted.escalation().reason().equals("frustrated") || turn.upset()) {
                reply = TaskReplies.apology(turn.language()) + " " + reply;
            } else if (afterTrying) {
                // asked for a person after the assistant tried (or took up its offer): no frustration to understand
                reply = TaskReplies.couldNotHelp(turn.language()) + " " + reply;
            }
            if (said) {
                reply = acted.refusal() + " " + reply;
            }
            return new Written(reply, List.of(), understood.intentConfidence(), false, false);
        }
        if (decision instanceof SmallTalk) {
            return new Written(
                    OfflineAnswers.smallTalk(
                            understood.intent(),
                            turn.language(),
                            turn.settings().brandVoice(),
                            turn.request().customerName()),
                    List.of(),
                    understood.intentConfidence(),
                    false,
                    false);
        }
        if (acted.reply() != null) {
            return new Written(acted.reply(), List.of(), sureOfTask, false, false);
        }
        return fromKnowledge(turn, acted);
    }

    private Written fromKnowledge(Context turn, Acted acted) {
        Understanding.Understood understood = turn.understood();
        Retrieved retrieved = acted.retrieved();
        double confidence = confidence(turn, retrieved);
        boolean weak =
                retrieved.passages().isEmpty() || confidence < turn.settings().escalationConfidenceThreshold();
        ModelAnswers.Outcome modelled = acted.modelled();
        if (modelled != null && !modelled.failed()) {
            boolean actedThroughTools = modelled.calls().stream()
                    .anyMatch(c ->
                            !c.action().tool().equals("search_knowledge") && c.outcome() instanceof ToolOutcome.Done);
            boolean unsure = modelled.cited().isEmpty() && !actedThroughTools && weak;
            return new Written(modelled.reply(), modelled.cited(), confidence, unsure, true);
        }
        if (turn.message().isEmpty()) {
            return new Written(OfflineAnswers.unsure(turn.language()), List.of(), 0, true, false);
        }
        if (weak
                && understood.intent().equals("discount_request")
                && understood.intentConfidence() >= ASKS_FOR_A_CODE) {
            return new Written(OfflineAnswers.noCodesOnRequest(turn.language()), List.of(), confidence, false, false);
        }
        if (OfflineAnswers.vague(turn.message())
                || (weak && turn.request().memory().lowConfidenceStreak() > 0)) {
            // what the customer needs is not clear: ask, and offer a person, in other words than the last time. A
            // vague message ("I have a problem") is asked about even when some article happens to match its intent.
            boolean again = turn.request().memory().lowConfidenceStreak() > 0
                    && !OfflineAnswers.clarify(turn.message(), true, turn.language())
                            .equals(lastReply(turn));
            return new Written(
                    OfflineAnswers.clarify(turn.message(), again, turn.language()), List.of(), confidence, true, false);
        }
        if (weak) {
            String unsure = OfflineAnswers.unsure(turn.language());
            return new Written(
                    turn.upset() ? TaskReplies.apology(turn.language()) + " " + unsure : unsure,
                    List.of(),
                    confidence,
                    true,
                    false);
        }
        List<Retrieved.Ask> separately = answeredSeparately(retrieved);
        if (!separately.isEmpty()) {
            List<OfflineAnswers.Answered> answers = separately.stream()
                    .map(ask -> new OfflineAnswers.Answered(
                            ask.words(), ask.found().passages().getFirst()))
                    .toList();
            String reply = OfflineAnswers.fromSeveral(
                    answers,
                    understanding::nearness,
                    turn.settings().brandVoice(),
                    turn.request().customerName(),
                    turn.language());
            List<Citation> sources = separately.stream()
                    .map(ask -> ask.found().sources().getFirst())
                    .toList();
            return new Written(reply, sources, confidence, false, false);
        }
        Retrieved answering = answeringFirst(turn.message(), retrieved);
        String reply = OfflineAnswers.fromPassages(
                turn.message(),
                answering.passages(),
                understanding::nearness,
                turn.settings().brandVoice(),
                turn.request().customerName(),
                turn.language());
        if (turn.upset()) {
            reply = TaskReplies.apology(turn.language()) + " " + reply;
        }
        return new Written(reply, cited(answering), confidence, false, false);
    }

    /**
     * How well the best passage matches the question: its similarity, or its sentence nearest in meaning when that is
     * nearer. A passage covers several things, so a short question ("Can you ship an order to London, UK?") is far
     * from the whole of it and near the one sentence that answers ("We ship to the US and Canada only.").
     */
    private double match(String question, Retrieved retrieved) {
        OfflineAnswers.Passage best =
                answeringFirst(question, retrieved).passages().getFirst();
        return Math.max(best.similarity(), nearestSentence(question, best));
    }

    /** How much nearer in meaning a close runner-up's best sentence must be to answer instead of the top passage. */
    static final double NEARER_SENTENCE = 0.05;

    /** How far below the top passage's similarity a runner-up may be and still answer instead of it. */
    static final double RUNNER_UP = 0.15;

    /**
     * The passages with the one that answers first: the search ranks whole passages, so when another passage scored
     * nearly as well (within {@link #RUNNER_UP}), the one holding the sentence nearest the question in meaning answers
     * ("can I pick my order up in store?" is answered by the stores article's pick-up sentence, not by the shipping
     * one). Another part of the same article counts too: "can you ship to London?" ranks the shipping article's
     * tracking part and its countries part as a tie, and the countries part answers whichever the search put first.
     */
    private Retrieved answeringFirst(String question, Retrieved retrieved) {
        List<OfflineAnswers.Passage> passages = retrieved.passages();
        if (passages.size() < 2 || retrieved.sources().size() != passages.size()) {
            return retrieved;
        }
        OfflineAnswers.Passage top = passages.getFirst();
        int best = 0;
        double nearest = nearestSentence(question, top);
        for (int i = 1; i < Math.min(3, passages.size()); i++) {
            OfflineAnswers.Passage other = passages.get(i);
            if (other.similarity() < top.similarity() - RUNNER_UP) {
                continue;
            }
            double near = nearestSentence(question, other);
            if (near > nearest + NEARER_SENTENCE) {
                best = i;
                nearest = near;
            }
        }
        if (best == 0) {
            return retrieved;
        }
        List<OfflineAnswers.Passage> reordered = new ArrayList<>(passages);
        List<Citation> sources = new ArrayList<>(retrieved.sources());
        reordered.addFirst(reordered.remove(best));
        sources.addFirst(sources.remove(best));
        return new Retrieved(List.copyOf(sources), List.copyOf(reordered), retrieved.asks());
    }

    /** The passage's sentence nearest the question in meaning. */
    private String nearestSentenceOf(String question, OfflineAnswers.Passage passage) {
        List<String> sentences = OfflineAnswers.wholeSentences(passage.text().strip());
        double[] near = understanding.nearness(question, sentences);
        int nearest = 0;
        for (int i = 1; i < near.length; i++) {
            if (near[i] > near[nearest]) {
                nearest = i;
            }
        }
        return sentences.isEmpty() ? "" : sentences.get(nearest);
    }

    private double nearestSentence(String question, OfflineAnswers.Passage passage) {
        List<String> sentences = OfflineAnswers.wholeSentences(passage.text().strip());
        double[] near = understanding.nearness(question, sentences);
        double nearest = 0;
        for (double n : near) {
            nearest = Math.max(nearest, n);
        }
        return nearest;
    }

    /** Cite what the reply rests on: the best passage, and the second when the reply points to it too. */
    private static List<Citation> cited(Retrieved retrieved) {
        List<Citation> sources = retrieved.sources();
        List<OfflineAnswers.Passage> passages = retrieved.passages();
        List<Citation> cited = new ArrayList<>(List.of(sources.getFirst()));
        if (sources.size() > 1
                && passages.size() > 1
                && !sources.get(1).title().equals(sources.getFirst().title())
                && passages.get(1).similarity() >= passages.getFirst().similarity() - 0.05) {
            cited.add(sources.get(1));
        }
        return List.copyOf(cited);
    }

    /** The assistant's last reply in the conversation, or {@code null}. */
    private static String lastReply(Context turn) {
        List<TurnRequest.PriorMessage> history = turn.request().history();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).role() == TurnRequest.Speaker.ASSISTANT) {
                return history.get(i).content();
            }
        }
        return null;
    }

    /** When people are back, if they are away now. */
    private String backAt(Context turn) {
        Instant now = clock.instant();
        StoreSettings.WorkingHours hours = turn.settings().workingHours();
        if (WorkingHoursClock.open(hours, now)) {
            return null;
        }
        return WorkingHoursClock.nextOpening(hours, now)
                .map(opening -> WorkingHoursClock.describe(
                        opening, now, turn.understood().language()))
                .orElse(null);
    }

    // ---- helpers

    private static Map<String, String> withSignals(Map<String, String> facts, Map<String, String> signals) {
        Map<String, String> all = new HashMap<>(facts);
        all.putAll(signals);
        return Map.copyOf(all);
    }

    private static ToolInvocation invocation(Context turn, ToolArguments arguments, ConversationMemory memory) {
        TurnRequest request = turn.request();
        return new ToolInvocation(
                request.workspaceId(),
                request.mode(),
                request.conversationId(),
                turn.message(),
                arguments,
                withSignals(memory.toFacts(), turn.signals()));
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

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /** Milliseconds per stage, and in total. */
    private static final class Stopwatch {
        private final long started = System.nanoTime();
        private final Map<String, Double> timings = new LinkedHashMap<>();
        private long last = started;

        void lap(String stage) {
            long now = System.nanoTime();
            timings.put(stage, round((now - last) / 1e6));
            last = now;
        }

        void total() {
            timings.putIfAbsent("retrieve", 0.0);
            timings.put("total", round((System.nanoTime() - started) / 1e6));
        }

        Map<String, Double> timings() {
            return Map.copyOf(timings);
        }
    }
}
