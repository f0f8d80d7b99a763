package dev.parley.assistant.internal;

import dev.parley.assistant.ConversationMemory;
import dev.parley.assistant.ConversationMemory.Confirmation;
import dev.parley.assistant.ConversationMemory.Task;
import dev.parley.assistant.ToolArguments;
import dev.parley.assistant.Turn.Escalation;
import dev.parley.assistant.TurnRequest;
import dev.parley.assistant.internal.understanding.Entities;
import dev.parley.assistant.internal.understanding.Entity;
import dev.parley.tenancy.StoreSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The middle of a turn: what the message changes in the conversation's memory (track the task), and what to do
 * about it (decide). Both are pure: they read the understood message and the memory, and call nothing.
 */
final class TurnDecision {

    static final Set<String> SMALL_TALK = Set.of("greeting", "thanks", "goodbye");

    /**
     * A customer saying they are unhappy, or that something did not happen when it should have ("it was supposed to
     * arrive yesterday"; "when is it supposed to arrive?" only asks).
     */
    private static final Pattern SAYS_UPSET = Pattern.compile(
            "(?i)\\b(frustrat\\w*|annoy\\w*|upset|angry|furious|disappointed|unhappy|not happy|fed up|ridiculous"
                    + "|unacceptable|worst|terrible|awful|horrible|useless|pathetic|disgusting|unbelievable|a joke"
                    + "|(was|were) supposed to (arrive|be here|come)|should have (arrived|come|been here))\\b");

    /** Words in capitals: a customer shouting ("WHERE IS MY STUFF"), whatever the sentiment model makes of it. */
    private static final Pattern SHOUTED_WORD = Pattern.compile("\\b\\p{Lu}{2,}\\b");

    private static final Pattern WORD = Pattern.compile("\\b\\p{L}{2,}\\b");

    /** How many words in capitals, and what share of the message's words, make a message shouted. */
    static final int SHOUTED_WORDS = 3;

    static final double SHOUTED_SHARE = 0.4;

    static boolean shouted(String message) {
        long shouted = SHOUTED_WORD.matcher(message).results().count();
        long words = WORD.matcher(message).results().count();
        return shouted >= SHOUTED_WORDS && shouted >= SHOUTED_SHARE * words;
    }

    /** A negative sentiment score from which the customer counts as upset without saying so. */
    static final double CLEARLY_NEGATIVE = -0.6;

    private TurnDecision() {}

    /** A message as understood, with what the turn needs of its request. */
    record Context(
            TurnRequest request,
            String message,
            Understanding.Understood understood,
            StoreSettings settings,
            String language,
            Map<String, String> signals) {

        boolean smallTalk() {
            return SMALL_TALK.contains(understood.intent()) && understood.intentConfidence() >= 0.6;
        }

        /**
         * Unhappy, as the sentiment model reads it or as the customer says it in so many words. A merely negative
         * reading counts only when it is clear: short, casual messages ("got any rain jackets", "uh the second one")
         * often score just past the neutral band, and an apology for nothing reads as a canned reply.
         */
        boolean upset() {
            return understood.sentiment().equals("frustrated")
                    || (understood.sentiment().equals("negative") && understood.sentimentScore() <= CLEARLY_NEGATIVE)
                    || SAYS_UPSET.matcher(message).find()
                    || shouted(message);
        }
    }

    /**
     * The memory after the message.
     *
     * @param confirmed the pending action the customer said yes to, or {@code null}
     * @param declined the pending action the customer did not say yes to, or {@code null}
     * @param moved whether the message started a task or told it something new
     * @param restated whether the message asked again for the task already in progress
     * @param retaken an action the customer said no to a turn or two ago and now wants after all, to state again for
     *     their yes, or {@code null}
     */
    record Tracked(
            ConversationMemory memory,
            Confirmation confirmed,
            Confirmation declined,
            boolean moved,
            boolean restated,
            Confirmation retaken) {

        Tracked(
                ConversationMemory memory,
                Confirmation confirmed,
                Confirmation declined,
                boolean moved,
                boolean restated) {
            this(memory, confirmed, declined, moved, restated, null);
        }
    }

    /** What the turn does. */
    sealed interface Decision {}

    /**
     * A person takes over.
     *
     * @param said what the customer is told before the handoff's own words, or {@code null}
     */
    record HandOff(Escalation escalation, String said) implements Decision {

        HandOff(Escalation escalation) {
            this(escalation, null);
        }
    }

    record SmallTalk() implements Decision {}

    record Confirmed(Confirmation action) implements Decision {}

    record Declined(Confirmation action) implements Decision {}

    record Ask(String slot, Task task) implements Decision {}

    record Reassure(String slot, Task task) implements Decision {}

    record Propose(Confirmation action) implements Decision {}

    /** The customer said no to the offer of a person: the assistant stays and asks what they need. */
    record StayWithThem() implements Decision {}

    record Run(String tool, ToolArguments arguments) implements Decision {}

    /** A question for the knowledge (and the model, when there is one). */
    record Answer() implements Decision {}

    /** Track the task: the identity and order the message names, an answer to a pending action, the task's slots. */
    static Tracked track(Context turn, Predicate<String> toolAvailable) {
        Entities entities = turn.understood().entities();
        ConversationMemory memory = remember(turn.request().memory(), entities);
        Confirmation pending = memory.pending();
        Confirmation declined = null;
        int customerTurn = customerTurn(turn.request());
        ConversationMemory.Withdrawn withdrawn = memory.withdrawn();
        if (withdrawn != null) {
            memory = memory.withWithdrawn(null);
        }
        if (pending != null) {
            // The action was stated for a yes: anything else, a no or another request, means it is not done.
            memory = memory.withPending(null).withTask(null);
            if (TaskFlows.yes(turn.message())) {
                return new Tracked(memory, pending, null, false, false);
            }
            declined = pending;
            memory = memory.withWithdrawn(new ConversationMemory.Withdrawn(pending, customerTurn));
        } else if (withdrawn != null
                && customerTurn - withdrawn.customerTurn() <= CHANGE_OF_MIND_TURNS
                && TaskFlows.changesMind(turn.message())
                && entities.orderNumber()
                        .map(o ->
                                o.number().equals(withdrawn.action().arguments().get(TaskFlows.ORDER_NUMBER)))
                        .orElse(true)) {
            // "no" ... "actually yes, go ahead": the action is stated again, and done on the next yes
            return new Tracked(memory.withTask(null), null, null, false, false, withdrawn.action());
        } else if (withdrawn != null && customerTurn - withdrawn.customerTurn() < CHANGE_OF_MIND_TURNS) {
            memory = memory.withWithdrawn(withdrawn);
        }
        Task task = memory.task();
        Optional<String> asked = asked(turn, entities, memory, toolAvailable);
        Optional<Task> picked =
                task == null || task.missing().isEmpty() ? TaskFlows.picked(turn.message(), memory) : Optional.empty();
        if (picked.isPresent()) {
            return new Tracked(memory.withTask(picked.get()), null, declined, true, false);
        }
        Optional<Task> narrowed = task == null || task.missing().isEmpty()
                ? TaskFlows.narrowed(turn.message(), entities, memory)
                : Optional.empty();
        if (narrowed.isPresent()) {
            // "in size 10?" after a search for shoes: the same search, narrowed, whatever else the words resemble
            Task search = TaskFlows.fill(narrowed.get(), turn.message(), entities, memory);
            return new Tracked(memory.withTask(search), null, declined, true, false);
        }
        boolean started = asked.isPresent() && (task == null || !task.name().equals(asked.get()));
        if (started) {
            if (task != null && !task.missing().isEmpty()) {
                memory = memory.withSetAside(task);
            }
            task = new Task(asked.get(), Map.of(), List.of());
        }
        if (task == null) {
            return new Tracked(memory, null, declined, false, false);
        }
        Task filled = TaskFlows.fill(task, turn.message(), entities, memory);
        boolean moved = started
                || !filled.slots().equals(task.slots())
                || !filled.missing().equals(task.missing());
        if (filled.slots().get(TaskFlows.ORDER_NUMBER) != null) {
            memory = memory.withOrderNumber(filled.slots().get(TaskFlows.ORDER_NUMBER));
        }
        return new Tracked(memory.withTask(filled), null, declined, moved, asked.isPresent() && !started);
    }

    /**
     * The task this message asks for, if its tool is available: a question about the catalogue while a task waits is
     * answered first; another request sets a waiting task aside only when it is clear.
     */
    private static Optional<String> asked(
            Context turn, Entities entities, ConversationMemory memory, Predicate<String> toolAvailable) {
        Task task = memory.task();
        Optional<String> asked = TaskFlows.taskFor(
                        turn.understood().intent(),
                        turn.understood().intentConfidence(),
                        turn.message(),
                        entities,
                        memory)
                .filter(name -> toolAvailable.test(TaskFlows.FLOWS.get(name).tool()));
        if (asked.isEmpty()
                && task != null
                && !task.missing().isEmpty()
                && TaskFlows.asksAboutTheCatalogue(turn.message(), entities)
                && toolAvailable.test(
                        TaskFlows.FLOWS.get(TaskFlows.PRODUCT_SEARCH).tool())) {
            // a question about the catalogue while a task waits: answered now, and the task goes on after it
            asked = Optional.of(TaskFlows.PRODUCT_SEARCH);
        } else if (asked.isPresent()
                && task != null
                && !task.missing().isEmpty()
                && !task.name().equals(asked.get())
                && !TaskFlows.switches(asked.get(), turn.understood().intentConfidence(), turn.message())) {
            // A task waits on the customer: only a clear request for another one sets it aside.
            asked = Optional.empty();
        }
        return asked;
    }

    /** For how many of the customer's turns after a no a change of mind takes up the action again. */
    static final int CHANGE_OF_MIND_TURNS = 2;

    /** The customer's turns so far, this one included. */
    static int customerTurn(TurnRequest request) {
        return 1
                + (int) request.history().stream()
                        .filter(m -> m.role() == TurnRequest.Speaker.CUSTOMER)
                        .count();
    }

    /** What the message itself tells the memory: the order it names, and an email it gives (given, not verified). */
    private static ConversationMemory remember(ConversationMemory memory, Entities entities) {
        ConversationMemory remembered = memory;
        List<Entity.OrderNumber> orders = entities.all(Entity.OrderNumber.class);
        if (!orders.isEmpty()) {
            remembered = remembered.withOrderNumber(orders.getLast().number());
        }
        List<Entity.Email> emails = entities.all(Entity.Email.class);
        if (!emails.isEmpty()) {
            remembered = remembered.withIdentity(
                    remembered.identity().withEmailGiven(emails.getLast().address()));
        }
        return remembered;
    }

    /**
     * Decide, in this order: a yes to a stated action does it; a person when the customer asks for one (or is
     * frustrated with nothing left to ask them); a no; small talk; the task's next step; comfort for an upset customer
     * while a task waits on them; otherwise the knowledge answers.
     *
     * @param needsYes whether a tool runs only after the customer's yes, as the tool declares
     */
    static Decision decide(Context turn, Tracked tracked, Predicate<String> needsYes) {
        if (tracked.confirmed() != null) {
            return new Confirmed(tracked.confirmed());
        }
        if (tracked.retaken() != null) {
            return new Propose(tracked.retaken());
        }
        Task task = tracked.memory().task();
        boolean waiting = task != null && !task.missing().isEmpty();
        Understanding.Understood understood = turn.understood();
        Optional<Escalation> requested = EscalationRules.requested(
                turn.request(), understood.intent(), understood.intentConfidence(), understood.sentiment());
        // A message that gives what a task waits for goes on with it, unless it asks for a person in so many words.
        boolean answersTheTask = tracked.moved() && !EscalationRules.asksForHuman(turn.message());
        if (requested.isPresent()
                && !(waiting && requested.get().reason().equals("frustrated"))
                && !(answersTheTask && requested.get().reason().equals("customer_request"))) {
            return new HandOff(requested.get());
        }
        Optional<EscalationRules.PeopleOnly> peopleOnly = EscalationRules.onlyAPersonCanHelp(turn.message());
        if (peopleOnly.isPresent()) {
            return new HandOff(
                    new Escalation(
                            peopleOnly.get().reason(), "high", "The customer reports a problem only a person can fix"),
                    peopleOnly.get().said(turn.language()));
        }
        boolean personOffered = turn.request().memory().lowConfidenceStreak() > 0 && !tracked.moved();
        if (personOffered && tracked.declined() == null && TaskFlows.yes(turn.message())) {
            // the last answer was unsure and offered a person: "yes" takes up the offer
            return new HandOff(
                    new Escalation("customer_request", "normal", "The customer took up the offer of a person"));
        }
        if (personOffered && tracked.declined() == null && TaskFlows.no(turn.message())) {
            return new StayWithThem();
        }
        boolean answerable = turn.smallTalk()
                || (understood.intentConfidence() >= 0.5 && !understood.intent().equals("other"));
        if (tracked.declined() != null && (TaskFlows.no(turn.message()) || !(tracked.moved() || answerable))) {
            return new Declined(tracked.declined());
        }
        if (turn.smallTalk() && !tracked.moved()) {
            // "ok thanks. jane@example.com": the courtesy comes with what the task waited for, and the task goes on
            return new SmallTalk();
        }
        if (waiting && turn.upset() && !tracked.moved()) {
            return new Reassure(task.missing().getFirst(), task);
        }
        if (task != null && (tracked.moved() || tracked.restated())) {
            return next(turn, task, needsYes);
        }
        return new Answer();
    }

    /** A task's next step: ask for what is missing, state a consequential action for a yes, or run a lookup. */
    static Decision next(Context turn, Task task, Predicate<String> needsYes) {
        if (!task.missing().isEmpty()) {
            return new Ask(task.missing().getFirst(), task);
        }
        TaskFlows.Flow flow = TaskFlows.FLOWS.get(task.name());
        if (needsYes.test(flow.tool())) {
            return new Propose(TaskFlows.confirmation(task));
        }
        ToolArguments arguments = ToolArguments.none();
        if (task.name().equals(TaskFlows.PRODUCT_SEARCH)) {
            arguments = TaskFlows.searchArguments(task);
        } else if (task.name().equals(TaskFlows.LIST_ORDERS)) {
            // no arguments: the tool lists the orders of the email the conversation has proven
        } else if (task.name().equals(TaskFlows.PRODUCT_DETAILS)) {
            arguments = arguments.with(TaskFlows.PRODUCT_ID, task.slots().get(TaskFlows.PRODUCT_ID));
        } else {
            arguments = arguments.with(TaskFlows.ORDER_NUMBER, task.slots().get(TaskFlows.ORDER_NUMBER));
            if (flow.tool().equals("order_status") && TaskFlows.asksWhatIsInIt(turn.message())) {
                arguments = arguments.with("items", "yes");
            }
        }
        return new Run(flow.tool(), arguments);
    }
}
