package dev.parley.assistant.internal;

import dev.parley.assistant.ConversationMemory;
import dev.parley.assistant.ConversationMemory.Confirmation;
import dev.parley.assistant.ConversationMemory.Task;
import dev.parley.assistant.internal.understanding.Entities;
import dev.parley.assistant.internal.understanding.Entity;
import dev.parley.assistant.internal.understanding.Entity.NewAddress;
import dev.parley.assistant.internal.understanding.EntityExtractor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tasks a customer can have done in a conversation, and what each needs: which store tool does it, which slots it
 * must know first (asked for one at a time, in this order), and whether the customer must say yes before it is done.
 * Slots come from any turn; the store tools still decide, by their policy, what is allowed.
 */
final class TaskFlows {

    /** A task's tool, the slots it needs, and whether it changes anything (and so needs the customer's yes). */
    record Flow(String name, String tool, List<String> needs, boolean consequential) {}

    static final String ORDER_NUMBER = "order_number";
    static final String EMAIL = "email";
    static final String ADDRESS = "address";
    static final String AMOUNT = "amount";
    static final String SIZE = "size";

    static final Map<String, Flow> FLOWS = Map.of(
            "order_status", new Flow("order_status", "order_status", List.of(ORDER_NUMBER, EMAIL), false),
            "track_order", new Flow("track_order", "track_order", List.of(ORDER_NUMBER, EMAIL), false),
            "refund", new Flow("refund", "refund", List.of(ORDER_NUMBER, EMAIL), true),
            "return", new Flow("return", "request_return", List.of(ORDER_NUMBER, EMAIL), true),
            "exchange", new Flow("exchange", "request_return", List.of(ORDER_NUMBER, EMAIL), true),
            "cancel", new Flow("cancel", "cancel_order", List.of(ORDER_NUMBER, EMAIL), true),
            "change_address", new Flow("change_address", "change_address", List.of(ORDER_NUMBER, EMAIL, ADDRESS), true),
            "product_search", new Flow("product_search", "search_products", List.of(), false));

    /** The tools that change an order or move money: done only after the customer's explicit yes. */
    static final Set<String> CONSEQUENTIAL_TOOLS = Set.of("refund", "request_return", "cancel_order", "change_address");

    /** The task each intent asks for; other intents are questions the knowledge answers. */
    private static final Map<String, String> TASKS = Map.of(
            "order_status", "order_status",
            "refund_status", "order_status",
            "refund_request", "refund",
            "return_request", "return",
            "exchange", "exchange",
            "cancel_order", "cancel",
            "change_address", "change_address",
            "product_search", "product_search",
            "stock_availability", "product_search");

    /** Tasks that are about one order: a question about none in particular is a policy question, unless asked for. */
    private static final Set<String> ABOUT_AN_ORDER = Set.of("refund", "return", "exchange", "cancel");

    /** The customer asks for it to be done to their own order, not how it works in general. */
    private static final Pattern ASKS_FOR_IT = Pattern.compile(
            "(?i)\\b(i'?d like|i would like|i want|i wanna|i need|please|pls|can you|could you|help me|my order"
                    + "|my package|my parcel|my purchase)\\b|^\\s*(cancel|return|refund|exchange|swap)\\b");

    private static final Pattern YES = Pattern.compile(
            "(?i)^\\W*(yes|yeah|yep|yup|sure|ok|okay|go ahead|please do|do it|confirm(ed)?|correct|that'?s right"
                    + "|absolutely|of course|ha|xa|albatta|mayli)\\b.*");
    private static final Pattern NO = Pattern.compile(
            "(?i)^\\W*(no|nope|nah|don'?t|do not|stop|cancel that|never ?mind|wait|yo'?q|kerak emas)\\b.*");
    private static final Pattern TRACK = Pattern.compile("(?i)\\btrack");
    private static final Pattern WHOLE_ORDER = Pattern.compile("(?i)\\b(all|everything|full|whole|entire)\\b");

    private TaskFlows() {}

    static boolean yes(String message) {
        return YES.matcher(message).matches() && !NO.matcher(message).matches();
    }

    static boolean no(String message) {
        return NO.matcher(message).matches();
    }

    /** How sure the intent must be, and the message must ask for it, to set aside a task that waits on the customer. */
    static final double SWITCH_CONFIDENCE = 0.6;

    static boolean switches(double confidence, String message) {
        return confidence >= SWITCH_CONFIDENCE && ASKS_FOR_IT.matcher(message).find();
    }

    /** The task the message asks for, if it asks for one the store's tools can do. */
    static Optional<String> taskFor(
            String intent, double confidence, String message, Entities entities, ConversationMemory memory) {
        if (confidence < StorePlan.MIN_INTENT_CONFIDENCE || !TASKS.containsKey(intent)) {
            return Optional.empty();
        }
        String task = TASKS.get(intent);
        if (task.equals("order_status") && TRACK.matcher(message).find()) {
            task = "track_order";
        }
        boolean orderKnown = entities.orderNumber().isPresent() || memory.orderNumber() != null;
        if (intent.equals("refund_status") && !orderKnown) {
            // "how long until I see my refund?" is a question the knowledge answers, until an order is named
            return Optional.empty();
        }
        if (ABOUT_AN_ORDER.contains(task)
                && !orderKnown
                && !ASKS_FOR_IT.matcher(message).find()) {
            return Optional.empty();
        }
        return Optional.of(task);
    }

    /**
     * The task with what this message tells it: the slots it names, and a bare value as the answer to the slot asked
     * for last ("It's 1001" when the order number was asked).
     */
    static Task fill(Task task, String message, Entities entities, ConversationMemory memory) {
        String asked = task.missing().isEmpty() ? null : task.missing().getFirst();
        Task filled = task;
        Optional<String> order = entities.orderNumber().map(Entity.OrderNumber::number);
        if (order.isPresent()) {
            filled = filled.with(ORDER_NUMBER, order.get());
        } else if (!filled.slots().containsKey(ORDER_NUMBER) && memory.orderNumber() != null) {
            filled = filled.with(ORDER_NUMBER, memory.orderNumber());
        }
        Optional<NewAddress> address = entities.newAddress();
        if (address.isEmpty() && ADDRESS.equals(asked) && message.matches("(?s).*\\d.*")) {
            address = Optional.of(EntityExtractor.parseAddress(message.strip()));
        }
        if (address.isPresent() && filled.name().equals("change_address")) {
            filled = filled.with(ADDRESS, address.get().value());
        }
        if (filled.name().equals("refund")) {
            Optional<BigDecimal> amount = entities.amount().map(Entity.Money::amount);
            if (amount.isPresent()) {
                filled = filled.with(AMOUNT, amount.get().toPlainString());
            } else if (WHOLE_ORDER.matcher(message).find()) {
                filled = filled.with(AMOUNT, "all");
            }
        }
        Optional<Entity.Size> size = entities.size();
        if (size.isPresent() && filled.name().equals("exchange")) {
            filled = filled.with(SIZE, size.get().label());
        }
        return filled.missing(missing(filled, memory));
    }

    /** The slots the task still needs, in the order to ask for them. */
    static List<String> missing(Task task, ConversationMemory memory) {
        Flow flow = FLOWS.get(task.name());
        List<String> missing = new ArrayList<>();
        for (String slot : flow.needs()) {
            boolean known = switch (slot) {
                case EMAIL -> memory.identity().known();
                case ADDRESS ->
                    task.slots().containsKey(ADDRESS)
                            && EntityExtractor.parseAddress(task.slots().get(ADDRESS))
                                    .complete();
                default -> task.slots().containsKey(slot);
            };
            if (!known) {
                missing.add(slot);
            }
        }
        return missing;
    }

    /** The action a complete consequential task asks the customer to confirm. */
    static Confirmation confirmation(Task task) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put(ORDER_NUMBER, task.slots().get(ORDER_NUMBER));
        switch (task.name()) {
            case "refund" -> {
                String amount = task.slots().get(AMOUNT);
                if (amount != null && !amount.equals("all")) {
                    arguments.put(AMOUNT, amount);
                }
            }
            case "exchange" ->
                arguments.put(
                        "reason",
                        task.slots().containsKey(SIZE)
                                ? "Exchange for size " + task.slots().get(SIZE)
                                : "Exchange for another size");
            case "change_address" -> {
                NewAddress a = EntityExtractor.parseAddress(task.slots().get(ADDRESS));
                put(arguments, "address1", a.address1());
                put(arguments, "address2", a.address2());
                put(arguments, "city", a.city());
                put(arguments, "province", a.province());
                put(arguments, "zip", a.zip());
                put(arguments, "country", a.country());
            }
            default -> {}
        }
        return new Confirmation(task.name(), FLOWS.get(task.name()).tool(), arguments);
    }

    /** A confirmation's arguments as the tool's schema takes them: amounts as numbers. */
    static Map<String, Object> arguments(Confirmation confirmation) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        confirmation.arguments().forEach((name, value) -> {
            if (name.equals(AMOUNT) || name.equals("percent")) {
                try {
                    arguments.put(name, new BigDecimal(value).doubleValue());
                } catch (NumberFormatException e) {
                    // a stated amount that is not a number is not passed on: the tool then refunds what is left
                }
            } else {
                arguments.put(name, value);
            }
        });
        return arguments;
    }

    /** A model's tool call to confirm first, with its arguments kept as text. */
    static Confirmation proposed(String tool, Map<String, Object> arguments) {
        Map<String, String> text = new LinkedHashMap<>();
        arguments.forEach((name, value) -> {
            if (value != null) {
                text.put(
                        name,
                        value instanceof Number n ? new BigDecimal(n.toString()).toPlainString() : value.toString());
            }
        });
        String task = switch (tool) {
            case "request_return" -> "return";
            case "cancel_order" -> "cancel";
            default -> tool;
        };
        return new Confirmation(task, tool, text);
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static void put(Map<String, String> arguments, String name, String value) {
        if (value != null) {
            arguments.put(name, value);
        }
    }
}
