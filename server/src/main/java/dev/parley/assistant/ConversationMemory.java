package dev.parley.assistant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a conversation remembers between turns: the task in progress with its slots, a task set aside to come back
 * to, who the customer is proven to be, the order it is about, the last question asked and an action waiting for the
 * customer's yes. The conversation stores it as a flat map of strings ({@link #toFacts()}, the keys below), the form it
 * had before it was typed, so stored conversations read as they were written.
 *
 * @param task the task in progress, or {@code null}
 * @param setAside a task the customer switched away from before it was done, to come back to, or {@code null}
 * @param orderNumber the order the conversation is about, or {@code null}
 * @param lastQuestion the words of the last question asked, so the next one is never the same words, or {@code null}
 * @param pending an action stated to the customer and waiting for their explicit yes, or {@code null}
 * @param discountCode the apology code given in this conversation, or {@code null}
 * @param lowConfidenceStreak turns in a row the assistant was unsure
 * @param lastSearch the last product search made (its query, size, price bounds), so that a next message naming
 *     only a size, a colour or a price ("in size 10?") narrows it, or {@code null}
 * @param withdrawn the last action the customer said no to, so that a change of mind a turn or two later ("actually
 *     yes, go ahead") states it again for their yes, or {@code null}
 * @param other stored keys this record does not know, kept as they are
 */
public record ConversationMemory(
        Task task,
        Task setAside,
        Identity identity,
        String orderNumber,
        String lastQuestion,
        Confirmation pending,
        String discountCode,
        int lowConfidenceStreak,
        Task lastSearch,
        Withdrawn withdrawn,
        Map<String, String> other) {

    /** The order number the conversation is about. */
    public static final String ORDER_NUMBER = "order_number";
    /** An email the customer wrote: a claim the store tools check against the order, never proof by itself. */
    public static final String EMAIL_GIVEN = "email_given";
    /** The email an order tool matched against the order. */
    public static final String VERIFIED_EMAIL = "verified_email";
    /** The email a caller with a secret key (the store's own server) gave for its customer: the store vouches. */
    public static final String VOUCHED_EMAIL = "vouched_email";
    /** A customer token the store's site signed; the store tools check its signature. */
    public static final String CUSTOMER_TOKEN = "customer_token";

    /** How many emails given in the conversation an order tool found not to be the order's. */
    public static final String EMAIL_MISMATCHES = "email_mismatches";

    public static final String DISCOUNT_CODE = "discount_code";
    public static final String LOW_CONFIDENCE_STREAK = "low_confidence_streak";

    private static final String TASK = "task";
    private static final String SET_ASIDE = "set_aside";
    private static final String LAST_SEARCH = "last_search";
    private static final String LAST_QUESTION = "last_question";
    private static final String PENDING = "pending";
    private static final String WITHDRAWN = "withdrawn";

    /** Before tasks were typed: the store tool that asked for something, and an address given before the email. */
    private static final String OLD_PENDING_TOOL = "pending_tool";

    private static final String OLD_NEW_ADDRESS = "new_address";

    public static final ConversationMemory EMPTY =
            new ConversationMemory(null, null, Identity.NONE, null, null, null, null, 0, null, null, Map.of());

    public ConversationMemory {
        identity = identity == null ? Identity.NONE : identity;
        other = other == null ? Map.of() : Map.copyOf(other);
    }

    /**
     * A task: what the customer wants done and what is known for it.
     *
     * @param name order_status, track_order, refund, return, exchange, cancel, change_address, product_search
     * @param slots what is known for it, by slot name: order_number, amount, address, reason, query, size, ...
     * @param missing the slots still needed, in the order they are asked for
     */
    public record Task(String name, Map<String, String> slots, List<String> missing) {

        public Task {
            slots = slots == null ? Map.of() : Map.copyOf(slots);
            missing = missing == null ? List.of() : List.copyOf(missing);
        }

        public Task with(String slot, String value) {
            Map<String, String> all = new LinkedHashMap<>(slots);
            all.put(slot, value);
            return new Task(
                    name, all, missing.stream().filter(m -> !m.equals(slot)).toList());
        }

        public Task missing(List<String> stillMissing) {
            return new Task(name, slots, stillMissing);
        }
    }

    /**
     * Who the customer is, as far as anything proves it.
     *
     * @param verifiedEmail matched against an order by an order tool
     * @param emailGiven written by the customer, not yet checked
     * @param vouchedEmail given by the store's own server (a secret key's {@code customer_email}): trusted
     * @param customerToken signed by the store's site, checked by the store tools
     * @param mismatches emails given in this conversation that an order tool found not to be the order's
     */
    public record Identity(
            String verifiedEmail, String emailGiven, String vouchedEmail, String customerToken, int mismatches) {

        public static final Identity NONE = new Identity(null, null, null, null, 0);

        public Identity(String verifiedEmail, String emailGiven, String vouchedEmail, String customerToken) {
            this(verifiedEmail, emailGiven, vouchedEmail, customerToken, 0);
        }

        /** Whether there is anything for a store tool to prove the customer by, so that no email need be asked. */
        public boolean known() {
            return verifiedEmail != null || emailGiven != null || vouchedEmail != null || customerToken != null;
        }

        public Identity withEmailGiven(String email) {
            return new Identity(verifiedEmail, email, vouchedEmail, customerToken, mismatches);
        }

        public Identity withVerifiedEmail(String email) {
            return new Identity(email, emailGiven, vouchedEmail, customerToken, mismatches);
        }

        /** The email given was not the order's: it is forgotten, and counted. */
        public Identity mismatched() {
            return new Identity(verifiedEmail, null, vouchedEmail, customerToken, mismatches + 1);
        }
    }

    /**
     * A consequential action stated to the customer (what, which order, how much, where to), done only on their yes.
     *
     * @param task the task it finishes
     * @param tool the store tool that does it
     * @param arguments the tool's arguments as stated, numbers as their decimal text
     */
    public record Confirmation(String task, String tool, Map<String, String> arguments) {

        public Confirmation {
            arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
        }
    }

    public ConversationMemory withTask(Task task) {
        return new ConversationMemory(
                task,
                setAside,
                identity,
                orderNumber,
                lastQuestion,
                pending,
                discountCode,
                lowConfidenceStreak,
                lastSearch,
                withdrawn,
                other);
    }

    public ConversationMemory withSetAside(Task setAside) {
        return new ConversationMemory(
                task,
                setAside,
                identity,
                orderNumber,
                lastQuestion,
                pending,
                discountCode,
                lowConfidenceStreak,
                lastSearch,
                withdrawn,
                other);
    }

    public ConversationMemory withIdentity(Identity identity) {
        return new ConversationMemory(
                task,
                setAside,
                identity,
                orderNumber,
                lastQuestion,
                pending,
                discountCode,
                lowConfidenceStreak,
                lastSearch,
                withdrawn,
                other);
    }

    public ConversationMemory withOrderNumber(String orderNumber) {
        return new ConversationMemory(
                task,
                setAside,
                identity,
                orderNumber,
                lastQuestion,
                pending,
                discountCode,
                lowConfidenceStreak,
                lastSearch,
                withdrawn,
                other);
    }

    public ConversationMemory withLastQuestion(String lastQuestion) {
        return new ConversationMemory(
                task,
                setAside,
                identity,
                orderNumber,
                lastQuestion,
                pending,
                discountCode,
                lowConfidenceStreak,
                lastSearch,
                withdrawn,
                other);
    }

    public ConversationMemory withPending(Confirmation pending) {
        return new ConversationMemory(
                task,
                setAside,
                identity,
                orderNumber,
                lastQuestion,
                pending,
                discountCode,
                lowConfidenceStreak,
                lastSearch,
                withdrawn,
                other);
    }

    public ConversationMemory withDiscountCode(String discountCode) {
        return new ConversationMemory(
                task,
                setAside,
                identity,
                orderNumber,
                lastQuestion,
                pending,
                discountCode,
                lowConfidenceStreak,
                lastSearch,
                withdrawn,
                other);
    }

    public ConversationMemory withLowConfidenceStreak(int streak) {
        return new ConversationMemory(
                task,
                setAside,
                identity,
                orderNumber,
                lastQuestion,
                pending,
                discountCode,
                streak,
                lastSearch,
                withdrawn,
                other);
    }

    public ConversationMemory withLastSearch(Task lastSearch) {
        return new ConversationMemory(
                task,
                setAside,
                identity,
                orderNumber,
                lastQuestion,
                pending,
                discountCode,
                lowConfidenceStreak,
                lastSearch,
                withdrawn,
                other);
    }

    public ConversationMemory withWithdrawn(Withdrawn withdrawn) {
        return new ConversationMemory(
                task,
                setAside,
                identity,
                orderNumber,
                lastQuestion,
                pending,
                discountCode,
                lowConfidenceStreak,
                lastSearch,
                withdrawn,
                other);
    }

    /**
     * An action the customer said no to, and on which of their turns (counted from the first, 1), so that a change
     * of mind is taken up only soon after.
     */
    public record Withdrawn(Confirmation action, int customerTurn) {}

    /**
     * What a store tool reported it established (the order it looked up, the email it verified, the code it gave),
     * taken into the memory. Keys it does not know are kept in {@link #other}.
     */
    public ConversationMemory learned(Map<String, String> facts) {
        Map<String, String> all = new LinkedHashMap<>(toFacts());
        all.putAll(facts);
        return fromFacts(all);
    }

    /** The stored form: one flat map of strings. */
    public Map<String, String> toFacts() {
        Map<String, String> facts = new LinkedHashMap<>(other);
        put(facts, ORDER_NUMBER, orderNumber);
        put(facts, VERIFIED_EMAIL, identity.verifiedEmail());
        put(facts, EMAIL_GIVEN, identity.emailGiven());
        put(facts, VOUCHED_EMAIL, identity.vouchedEmail());
        put(facts, CUSTOMER_TOKEN, identity.customerToken());
        put(facts, DISCOUNT_CODE, discountCode);
        put(facts, LAST_QUESTION, lastQuestion);
        facts.put(LOW_CONFIDENCE_STREAK, Integer.toString(lowConfidenceStreak));
        putTask(facts, TASK, task);
        putTask(facts, SET_ASIDE, setAside);
        putTask(facts, LAST_SEARCH, lastSearch);
        putConfirmation(facts, PENDING, pending);
        if (withdrawn != null) {
            putConfirmation(facts, WITHDRAWN, withdrawn.action());
            facts.put(WITHDRAWN + ".turn", Integer.toString(withdrawn.customerTurn()));
        }
        if (identity.mismatches() > 0) {
            facts.put(EMAIL_MISMATCHES, Integer.toString(identity.mismatches()));
        }
        return facts;
    }

    /** The memory a stored map holds, the map of older versions included. */
    public static ConversationMemory fromFacts(Map<String, String> stored) {
        if (stored == null || stored.isEmpty()) {
            return EMPTY;
        }
        Map<String, String> rest = new LinkedHashMap<>(stored);
        Identity identity = new Identity(
                rest.remove(VERIFIED_EMAIL),
                rest.remove(EMAIL_GIVEN),
                rest.remove(VOUCHED_EMAIL),
                rest.remove(CUSTOMER_TOKEN),
                count(rest.remove(EMAIL_MISMATCHES)));
        String order = rest.remove(ORDER_NUMBER);
        String code = rest.remove(DISCOUNT_CODE);
        String question = rest.remove(LAST_QUESTION);
        int streak = count(rest.remove(LOW_CONFIDENCE_STREAK));
        Task task = task(rest, TASK);
        Task setAside = task(rest, SET_ASIDE);
        Task lastSearch = task(rest, LAST_SEARCH);
        int withdrawnTurn = count(rest.remove(WITHDRAWN + ".turn"));
        Confirmation withdrawnAction = confirmation(rest, WITHDRAWN);
        Withdrawn withdrawn = withdrawnAction == null ? null : new Withdrawn(withdrawnAction, withdrawnTurn);
        Confirmation pending = confirmation(rest, PENDING);
        String oldTool = rest.remove(OLD_PENDING_TOOL);
        String oldAddress = rest.remove(OLD_NEW_ADDRESS);
        if (task == null && oldTool != null) {
            task = new Task(oldTool.equals("request_return") ? "return" : oldTool, Map.of(), List.of());
        }
        if (oldAddress != null) {
            task = (task == null ? new Task("change_address", Map.of(), List.of()) : task).with("address", oldAddress);
        }
        return new ConversationMemory(
                task, setAside, identity, order, question, pending, code, streak, lastSearch, withdrawn, rest);
    }

    private static void putConfirmation(Map<String, String> facts, String key, Confirmation action) {
        if (action != null) {
            facts.put(key, action.task() + "|" + action.tool());
            action.arguments().forEach((name, value) -> facts.put(key + "." + name, value));
        }
    }

    private static void put(Map<String, String> facts, String key, String value) {
        if (value != null) {
            facts.put(key, value);
        }
    }

    private static void putTask(Map<String, String> facts, String key, Task task) {
        if (task == null) {
            return;
        }
        facts.put(key, task.name());
        task.slots().forEach((slot, value) -> facts.put(key + "." + slot, value));
        if (!task.missing().isEmpty()) {
            facts.put(key + ".missing", String.join(",", task.missing()));
        }
    }

    private static Task task(Map<String, String> rest, String key) {
        String name = rest.remove(key);
        String missing = rest.remove(key + ".missing");
        Map<String, String> slots = withPrefix(rest, key + ".");
        if (name == null) {
            return null;
        }
        return new Task(name, slots, missing == null || missing.isBlank() ? List.of() : List.of(missing.split(",")));
    }

    private static Confirmation confirmation(Map<String, String> rest, String key) {
        String pending = rest.remove(key);
        Map<String, String> arguments = withPrefix(rest, key + ".");
        if (pending == null || !pending.contains("|")) {
            return null;
        }
        int bar = pending.indexOf('|');
        return new Confirmation(pending.substring(0, bar), pending.substring(bar + 1), arguments);
    }

    private static Map<String, String> withPrefix(Map<String, String> rest, String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String key : List.copyOf(rest.keySet())) {
            if (key.startsWith(prefix)) {
                found.put(key.substring(prefix.length()), rest.remove(key));
            }
        }
        return found;
    }

    private static int count(String stored) {
        try {
            return stored == null ? 0 : Integer.parseInt(stored);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
