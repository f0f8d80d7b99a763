package dev.parley.assistant.internal;

import dev.parley.assistant.ConversationMemory;
import dev.parley.assistant.ConversationMemory.Confirmation;
import dev.parley.assistant.ConversationMemory.Task;
import dev.parley.assistant.ReportedProblems;
import dev.parley.assistant.ToolArguments;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tasks a customer can have done in a conversation, and what each needs: which store tool does it, which slots it
 * must know first (asked for one at a time, in this order), and whether the customer must say yes before it is done.
 * Slots come from any turn; the store tools still decide, by their policy, what is allowed.
 */
final class TaskFlows {

    /**
     * A task's tool and the slots it needs. Whether the customer must say yes first is the tool's own declaration
     * ({@link dev.parley.assistant.AssistantTool#needsCustomerYes}), so no list here can fall behind the tools.
     */
    record Flow(String name, String tool, List<String> needs) {}

    static final String ORDER_NUMBER = "order_number";
    static final String EMAIL = "email";
    static final String ADDRESS = "address";
    static final String AMOUNT = "amount";
    static final String SIZE = "size";
    /** The colour an exchange is for ("the colour black", "another colour"). */
    static final String COLOUR = "colour";

    private static final Pattern ANOTHER_COLOUR =
            Pattern.compile("(?i)\\b(another|different|other)\\s+(colou?r|shade)\\b|\\bcolou?r\\b");
    static final String QUERY = "query";
    static final String MIN_PRICE = "min_price";
    static final String MAX_PRICE = "max_price";
    static final String PRODUCT_SEARCH = "product_search";
    static final String REPORT_PROBLEM = "report_problem";
    static final String PRODUCT_DETAILS = "product_details";
    /** What is wrong with the order a problem is reported for: damaged or wrong_item. */
    static final String PROBLEM = "problem";
    /** The ids of the products a search showed, in the order shown, comma-separated. */
    static final String SHOWN = "shown";

    static final String PRODUCT_ID = "product_id";

    /** A parcel the carrier marks delivered that the customer never got. */
    static final String MISSING_PARCEL = "missing_parcel";

    /** The lowest price among the products a search showed, so "any cheaper ones?" searches under it. */
    static final String SHOWN_MIN_PRICE = "shown_min_price";

    private static final Pattern CHEAPER = Pattern.compile(
            "(?i)\\b(cheaper|less expensive|lower[- ]priced|more affordable|too (expensive|pricey)|on a budget)\\b");

    private static final List<String> ORDINALS = List.of("first", "second", "third");

    private static final Pattern PICKS_ONE = Pattern.compile(
            "(?i)^\\W*(?:(?:uh+|um+|er+|hmm+|ok(?:ay)?|yeah|yes|so|and|i'?ll take|i like|i want|show me|tell me about"
                    + "|what about|how about)[\\s,]+)*(?:the\\s+)?(first|second|third|1st|2nd|3rd|last)"
                    + "(?:\\s+(?:one|option|product|item))?(?:\\s+please)?\\W*$");

    static final Map<String, Flow> FLOWS = Map.ofEntries(
            flow("order_status", "order_status", ORDER_NUMBER, EMAIL),
            flow("track_order", "track_order", ORDER_NUMBER, EMAIL),
            flow("refund", "refund", ORDER_NUMBER, EMAIL),
            flow("return", "request_return", ORDER_NUMBER, EMAIL),
            flow("exchange", "request_return", ORDER_NUMBER, EMAIL),
            flow("cancel", "cancel_order", ORDER_NUMBER, EMAIL),
            flow("change_address", "change_address", ORDER_NUMBER, EMAIL, ADDRESS),
            flow("product_search", "search_products"),
            // the customer's recent orders: the tool lists them only for a proven email
            flow("list_orders", "list_orders"),
            // a damaged or wrong item: the order is looked up (it proves whose it is), then a remedy is offered
            flow("report_problem", "order_status", ORDER_NUMBER, EMAIL),
            // a parcel marked delivered that never came: the order is looked up, then a person checks with the carrier
            flow(MISSING_PARCEL, "order_status", ORDER_NUMBER, EMAIL),
            // one of the products a search showed, picked by its place in the list ("the second one")
            flow("product_details", "get_product_details"));

    private static Map.Entry<String, Flow> flow(String name, String tool, String... needs) {
        return Map.entry(name, new Flow(name, tool, List.of(needs)));
    }

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

    /** A change of mind about an action the customer said no to: "actually yes", "ok go ahead", "changed my mind". */
    private static final Pattern CHANGES_MIND = Pattern.compile(
            "(?i)^\\W*(?:(?:actually|ok(?:ay)?|oh|hmm+|well|on second thought|sorry|my bad|i meant|i mean)[\\s,.!]+)*"
                    + "(?:yes|yeah|yep|sure|go ahead|do it|please do|i changed my mind|i've changed my mind|changed my mind"
                    + "|i meant yes|i mean yes)\\b.*");

    static boolean changesMind(String message) {
        return CHANGES_MIND.matcher(message).matches() && !NO.matcher(message).matches();
    }

    /** How sure the intent must be, and the message must ask for it, to set aside a task that waits on the customer. */
    static final double SWITCH_CONFIDENCE = 0.6;

    static boolean switches(double confidence, String message) {
        return confidence >= SWITCH_CONFIDENCE && ASKS_FOR_IT.matcher(message).find();
    }

    /**
     * Whether a message asking for {@code task} sets aside a task that waits on the customer: a clear request does, and
     * so does a question about the catalogue ("do you have running shorts in size L?"), which changes no order and is
     * answered at once before the waiting task goes on.
     */
    static boolean switches(String task, double confidence, String message) {
        return switches(confidence, message)
                || (task.equals(PRODUCT_SEARCH)
                        && confidence >= SWITCH_CONFIDENCE
                        && ASKS_ABOUT_THE_CATALOGUE.matcher(message).find());
    }

    /**
     * A question about the catalogue naming a kind of product ("do you have running shorts in size L?"), whatever the
     * intent classifier made of it: a product search.
     */
    static boolean asksAboutTheCatalogue(String message, Entities entities) {
        return entities.first(Entity.Category.class).isPresent()
                && ASKS_ABOUT_THE_CATALOGUE.matcher(message).find();
    }

    private static final Pattern ASKS_ABOUT_THE_CATALOGUE = Pattern.compile(
            "(?i)\\b(do you (have|sell|carry|stock)|have you got|got any|is there|are there|any \\w+ in)\\b");

    /** A message speaking of an order already named ("when will it arrive?", "what was in it?"). */
    private static final Pattern REFERS_TO_THE_ORDER = Pattern.compile(
            "(?i)\\b(it|it'?s|them|they|my order|the order|that order|this order|my package|the package|my parcel"
                    + "|the parcel|my stuff|my things)\\b");

    /** A question about where an order is or when it comes. */
    private static final Pattern ASKS_WHERE_IT_IS = Pattern.compile(
            "(?i)\\b(arriv\\w*|deliver\\w*|get here|come|coming|ship(ped|s)?|where|status|on its way|eta|when)\\b");

    /** Words of a question about a product, not an order: "when will it be back in stock?", "is it in blue?". */
    private static final Pattern ABOUT_A_PRODUCT = Pattern.compile(
            "(?i)\\b(in stock|back in stock|restock\\w*|available|availability|sizes?|colou?rs?|price|cost|sold out)\\b");

    /** A question about what an order holds: "what was in it?", "what did I order?". */
    private static final Pattern ASKS_WHAT_IS_IN_IT = Pattern.compile(
            "(?i)\\b(what(?:'s| is| was| were| are)? in (?:it|them|my order|the order|the package|my package|the parcel)"
                    + "|what did i (?:order|buy|get|purchase)|which (?:items|products|things)|what (?:items|products)"
                    + "|items? (?:in|on|of) (?:it|my order|the order))\\b");

    static final String LIST_ORDERS = "list_orders";

    /** "what orders do I have?", "list my orders", "show me my order history". */
    private static final Pattern LISTS_ORDERS = Pattern.compile(
            "(?i)\\b(?:(?:list|show|see|view|check|find|look up|get)\\b[^.?!]{0,12}\\b(?:all\\s+(?:of\\s+)?)?my\\s+"
                    + "(?:orders|purchases)|(?:what|which|how many)\\s+orders\\s+(?:do|did|have)\\s+i|my\\s+(?:order"
                    + "\\s+history|past\\s+orders|previous\\s+orders|recent\\s+orders|other\\s+orders|orders\\s+list))\\b");

    /** Compensation asked for without a refund named ("I want compensation", "make it up to me"). */
    private static final Pattern COMPENSATION = Pattern.compile(
            "(?i)\\b(compensat\\w*|make (it|this|that) up to me|something for (the|my) (trouble|inconvenience)"
                    + "|goodwill (gesture|credit))\\b");

    /** Slot of an order lookup asked for as compensation. */
    static final String COMPENSATION_ASKED = "compensation";

    static boolean asksForCompensation(String message) {
        return COMPENSATION.matcher(message).find()
                && !NAMED_TASKS.get("refund").matcher(message).find();
    }

    /** Whether the message asks what the order holds. */
    static boolean asksWhatIsInIt(String message) {
        return ASKS_WHAT_IS_IN_IT.matcher(message).find()
                || WHAT_IS_IN_ORDER.matcher(message).find();
    }

    /** "what's in 1008?", "what was in order 1002": the items of an order named. */
    private static final Pattern WHAT_IS_IN_ORDER = Pattern.compile(
            "(?i)\\bwhat(?:'s| is| was| were)? in (?:my |the )?(?:order )?(?:number )?#?(\\d{4,10})\\b");

    /** A remedy asked for in so many words: "I want to return it", "please start a return". */
    private static final Pattern WANTS_IT_DONE = Pattern.compile(
            "(?i)\\b((i'?d like|i would like|i want|i wanna|i need|please) to (return|refund|exchange|cancel|send)"
                    + "|start (a|the) (return|refund|exchange)|(return|refund|cancel|exchange) (it|this|that|them|my order)"
                    + "( please)?$)");

    /** A question about a remedy's rules, not a request for one: "what is your return policy?". */
    private static final Pattern ASKS_THE_POLICY = Pattern.compile(
            "(?i)\\b(polic(y|ies)|(return|refund|exchange) (window|period)|how (do|does) (returns?|refunds?|exchanges?"
                    + "|cancell?ations?) work)\\b");

    /**
     * A question about the order the conversation is about, asked of "it" ("when will it arrive?", "what was in it?",
     * "is it shipped yet?"): its status, whatever the words resemble (delivery times in general, a product).
     */
    static boolean followsUpOnTheOrder(String message, Entities entities, ConversationMemory memory) {
        if (memory.orderNumber() == null
                || entities.orderNumber().isPresent()
                || looseOrderNumber(message, entities).isPresent()
                || HYPOTHETICAL.matcher(message).find()) {
            return false;
        }
        if (asksWhatIsInIt(message)) {
            return true;
        }
        return REFERS_TO_THE_ORDER.matcher(message).find()
                && ASKS_WHERE_IT_IS.matcher(message).find()
                && !ABOUT_A_PRODUCT.matcher(message).find()
                && NAMED_TASKS.entrySet().stream()
                        .limit(REMEDIES)
                        .noneMatch(named -> named.getValue().matcher(message).find());
    }

    /** The task the message asks for, if it asks for one the store's tools can do. */
    static Optional<String> taskFor(
            String intent, double confidence, String message, Entities entities, ConversationMemory memory) {
        if (EscalationRules.deliveredButNotReceived(message)) {
            return Optional.of(MISSING_PARCEL);
        }
        if (LISTS_ORDERS.matcher(message).find()
                && entities.orderNumber().isEmpty()
                && looseOrderNumber(message, entities).isEmpty()) {
            return Optional.of(LIST_ORDERS);
        }
        if (followsUpOnTheOrder(message, entities, memory)) {
            return Optional.of(TRACK.matcher(message).find() ? "track_order" : "order_status");
        }
        if (WHAT_IS_IN_ORDER.matcher(message).find()) {
            return Optional.of("order_status");
        }
        if (asksForCompensation(message)
                && (entities.orderNumber().isPresent()
                        || memory.orderNumber() != null
                        || looseOrderNumber(message, entities).isPresent())) {
            // compensation is not a refund: the order is looked up, and making up for it is the discount policy's
            // to offer, or a person's
            return Optional.of("order_status");
        }
        if (ReportedProblems.in(message).isPresent()
                && !HYPOTHETICAL.matcher(message).find()
                && !ASKS_FOR_MORE.matcher(message).find()
                && NAMED_TASKS.entrySet().stream()
                        .limit(REMEDIES)
                        .noneMatch(named -> named.getValue().matcher(message).find())) {
            // "my shirt arrived torn": a problem with their order, reported without asking for a remedy yet
            return Optional.of(REPORT_PROBLEM);
        }
        boolean namesAnOrder = entities.orderNumber().isPresent()
                || looseOrderNumber(message, entities).isPresent();
        if (HYPOTHETICAL.matcher(message).find() && !namesAnOrder) {
            // "what happens if my stuff arrives broken?": how the store handles it, a question the knowledge answers
            return Optional.empty();
        }
        boolean understood = confidence >= StorePlan.MIN_INTENT_CONFIDENCE && TASKS.containsKey(intent);
        if (!understood) {
            return namedWithAnOrder(message, entities);
        }
        String task = preferred(TASKS.get(intent), message);
        if (ABOUT_AN_ORDER.contains(task)
                && namesAnOrder
                && HOW_IT_WORKS.matcher(message).find()
                && !ASKS_FOR_IT.matcher(message).find()) {
            // "was order 1002 delivered, and how long do refunds take?": the order's question is the task; how refunds
            // work is a question the knowledge answers beside it
            return namedWithAnOrder(HOW_IT_WORKS_CLAUSE.matcher(message).replaceAll(" "), entities);
        }
        if (task.equals("order_status") && TRACK.matcher(message).find()) {
            task = "track_order";
        }
        if (ABOUT_AN_ORDER.contains(task)
                && !namesAnOrder
                && ((ASKS_THE_POLICY.matcher(message).find()
                                && !WANTS_IT_DONE.matcher(message).find())
                        || (HOW_IT_WORKS.matcher(message).find()
                                && !ASKS_FOR_IT.matcher(message).find()))) {
            // "what is your return policy?" while an order is remembered: a question the knowledge answers
            return Optional.empty();
        }
        boolean orderKnown = entities.orderNumber().isPresent()
                || memory.orderNumber() != null
                || looseOrderNumber(message, entities).isPresent();
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

    /** A question about how a remedy works in general, not a request for one: "how long do refunds take?". */
    private static final Pattern HOW_IT_WORKS = Pattern.compile(
            "(?i)\\bhow (long|many days|soon|quickly|much time|do(es)? (refunds?|returns?|exchanges?|cancell?ations?)"
                    + " work)\\b");

    private static final Pattern HOW_IT_WORKS_CLAUSE = Pattern.compile(
            "(?i)\\bhow (long|many days|soon|quickly|much time|do(es)? (refunds?|returns?|exchanges?|cancell?ations?)"
                    + " work)\\b[^.!?;]*");

    /** The part of a message asking how a remedy works ("how long do refunds take to show"), if it asks that. */
    static Optional<String> howItWorks(String message) {
        Matcher clause = HOW_IT_WORKS_CLAUSE.matcher(message);
        return clause.find() ? Optional.of(clause.group().strip()) : Optional.empty();
    }

    /** What the customer says they do not want: "rather than messing around with exchanges", "instead of a return". */
    private static final Pattern NOT_WANTED = Pattern.compile("(?i)\\b(rather than|instead of|than)\\b[^.!?;]*");

    /**
     * The remedy the customer asks for in their own words, when the classifier read another: a remedy named only as
     * what they do not want ("I'd rather have my money back than deal with swapping it") is not the one they ask for.
     */
    static String preferred(String task, String message) {
        Pattern own = NAMED_TASKS.get(task);
        if (own == null
                || !NAMED_TASKS.keySet().stream().limit(REMEDIES).toList().contains(task)) {
            return task;
        }
        String wanted = NOT_WANTED.matcher(message).replaceAll(" ");
        if (own.matcher(wanted).find()) {
            return task;
        }
        return NAMED_TASKS.entrySet().stream()
                .limit(REMEDIES)
                .filter(named -> named.getValue().matcher(wanted).find())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(task);
    }

    /**
     * A task the message names in so many words for an order it names ("refund 30 on 1003", "swap the shirt from 1002
     * for an L"), when the intent classifier saw no task in it: a specific order and a task's verb are a request.
     */
    private static Optional<String> namedWithAnOrder(String message, Entities entities) {
        if (entities.orderNumber().isEmpty()
                && looseOrderNumber(message, entities).isEmpty()) {
            return Optional.empty();
        }
        // "how long do refunds take?" asks how a remedy works: it names no task to do
        String asking = HOW_IT_WORKS_CLAUSE.matcher(message).replaceAll(" ");
        for (Map.Entry<String, Pattern> named : NAMED_TASKS.entrySet()) {
            if (named.getValue().matcher(asking).find()) {
                return Optional.of(named.getKey());
            }
        }
        // an order named and nothing else but courtesy ("yeah hi um order one zero zero one please") asks after it
        return ONLY_AN_ORDER.matcher(message).replaceAll(" ").isBlank()
                ? Optional.of("order_status")
                : Optional.empty();
    }

    /** A task's own words, in the order tried: a refund is asked for beside a return more often than the reverse. */
    private static final Map<String, Pattern> NAMED_TASKS = namedTasks();

    /** What a message that only names an order says besides the order: fillers, courtesy, digits. */
    private static final Pattern ONLY_AN_ORDER = Pattern.compile(
            "(?i)\\b(?:yeah|yes|hi|hello|hey|um+|uh+|er|so|ok|okay|please|pls|order|number|no|my|the|it'?s|its|is"
                    + "|and|what|how|about|also|then|too"
                    + "|zero|oh|one|two|three|four|five|six|seven|eight|nine)\\b|#?\\d+|[^\\p{L}\\p{N}]+");

    /** The first named tasks are remedies a customer may ask for with a problem: refund, cancel, exchange, return. */
    private static final int REMEDIES = 4;

    /** A question about what would happen, not a report of what did ("what happens if it arrives broken?"). */
    /**
     * A report that also asks for something ("... give me a code for each day I waited"): that request leads, and the
     * problem it reports still counts for the tools' policy.
     */
    private static final Pattern ASKS_FOR_MORE =
            Pattern.compile("(?i)\\b(give me|send me|i want|i'd like|i would like|i need)\\b(?!\\s+(some\\s+)?help)");

    private static final Pattern HYPOTHETICAL =
            Pattern.compile("(?i)\\b(what (happens|if|do i do)|if (my|an?|the|it|something)|in case|suppose)\\b");

    private static Map<String, Pattern> namedTasks() {
        Map<String, Pattern> named = new LinkedHashMap<>();
        // "can I get $10 back", "20 dollars back": an amount back is a refund of that much
        named.put(
                "refund",
                Pattern.compile(
                        "(?i)\\b(refund|money back|reimburse)|(?:\\$\\s?\\d+(?:[.,]\\d{1,2})?|\\b\\d+(?:[.,]\\d{1,2})?"
                                + "\\s*(?:dollars|bucks|usd|eur|euros))\\s+back\\b"));
        named.put("cancel", Pattern.compile("(?i)\\bcancel"));
        named.put("exchange", Pattern.compile("(?i)\\b(exchange|swap)"));
        named.put("return", Pattern.compile("(?i)\\b(return|send (it |them |this |that )?back)"));
        named.put("track_order", Pattern.compile("(?i)\\btrack"));
        named.put("order_status", Pattern.compile("(?i)\\b(where|status|when will|arriv|deliver|ship)"));
        return named;
    }

    /** Digits spoken as words, as voice transcripts write order numbers ("one zero zero one"); "oh" is a zero. */
    private static final List<String> DIGIT_WORDS =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

    /** A word that says the number after it belongs to something: "status of 1001", "my money back for 1002". */
    private static final String BELONGS = "(?:order|number|for|of|on|from|about|regarding|with|cancel|refund|return"
            + "|exchange|track|check|where'?s|where\\s+is)\\s+(?:my\\s+|the\\s+|order\\s+)?";

    private static final Pattern SPOKEN_DIGITS = Pattern.compile("(?i)\\b" + BELONGS
            + "((?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)[\\s-]+){2,}"
            + "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine))\\b");

    private static final Pattern LOOSE_NUMBER = Pattern.compile(
            "(?i)\\b" + BELONGS + "#?(\\d{4,10})(?![\\w%€£$]|[.,:/-]\\d|\\s*(?:dollars|bucks|usd|eur)\\b)");

    /**
     * An order number the message gives without calling it one ("status of 1001?", "my money back for 1002", "order
     * one zero zero one"): four or more digits (or spoken digits) after a word that says what they belong to ("of",
     * "for", "on", "from"...), that are no other thing the message names (an amount, a phone, a postal code, a date)
     * and no year. "The limit is now 1000" names no order. Only a task that needs an order number reads it.
     */
    static Optional<String> looseOrderNumber(String message, Entities entities) {
        Matcher spoken = SPOKEN_DIGITS.matcher(message);
        if (spoken.find()) {
            StringBuilder digits = new StringBuilder();
            for (String word : lower(spoken.group(1)).split("[\\s-]+")) {
                digits.append(word.equals("oh") ? 0 : DIGIT_WORDS.indexOf(word));
            }
            return Optional.of(digits.toString());
        }
        Matcher number = LOOSE_NUMBER.matcher(message);
        while (number.find()) {
            int start = number.start(1);
            int end = number.end(1);
            boolean other = entities.all().stream().anyMatch(e -> e.start() < end && start < e.end());
            boolean year = number.group(1).matches("(19|20)\\d\\d");
            if (!other && !year) {
                return Optional.of(number.group(1));
            }
        }
        return Optional.empty();
    }

    /**
     * The task with what this message tells it: the slots it names, and a bare value as the answer to the slot asked
     * for last ("It's 1001" when the order number was asked).
     */
    static Task fill(Task task, String message, Entities entities, ConversationMemory memory) {
        String asked = task.missing().isEmpty() ? null : task.missing().getFirst();
        Task filled = task;
        if (filled.name().equals(PRODUCT_SEARCH)) {
            return searchFor(filled, message, entities);
        }
        if (filled.name().equals(PRODUCT_DETAILS)) {
            return filled;
        }
        if (filled.name().equals("order_status") && asksForCompensation(message)) {
            filled = filled.with(COMPENSATION_ASKED, "yes");
        }
        Optional<String> problem = ReportedProblems.in(message);
        if (problem.isPresent()
                && (filled.name().equals(REPORT_PROBLEM) || filled.name().equals("refund"))) {
            filled = filled.with(PROBLEM, problem.get());
        }
        Optional<String> order = entities.orderNumber().map(Entity.OrderNumber::number);
        if (order.isEmpty() && FLOWS.get(filled.name()).needs().contains(ORDER_NUMBER)) {
            order = looseOrderNumber(message, entities);
        }
        Matcher itemsOf = WHAT_IS_IN_ORDER.matcher(message);
        if (order.isEmpty() && itemsOf.find()) {
            order = Optional.of(itemsOf.group(1));
        }
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
            if (amount.isEmpty()) {
                amount = bareRefundAmount(message);
            }
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
        if (filled.name().equals("exchange")) {
            Optional<String> colour = entities.colour()
                    .map(c -> "the colour " + lower(c.name()))
                    .or(() ->
                            ANOTHER_COLOUR.matcher(message).find() ? Optional.of("another colour") : Optional.empty());
            if (colour.isPresent()) {
                filled = filled.with(COLOUR, colour.get());
            }
        }
        return filled.missing(missing(filled, memory));
    }

    /**
     * A product search with what the message asks for: its words, size and price bounds. A search that had words
     * already (one narrowed by "in black", "in size 10") keeps them and takes the new ones beside them.
     */
    private static Task searchFor(Task task, String message, Entities entities) {
        ToolArguments asked = StorePlan.productQuery(message, entities);
        Task filled = task;
        for (Map.Entry<String, Object> slot : asked.asJson().entrySet()) {
            String value = slot.getValue() instanceof Double d
                    ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
                    : slot.getValue().toString();
            String before = filled.slots().get(slot.getKey());
            if (slot.getKey().equals(QUERY) && before != null && !before.contains(value)) {
                value = before + " " + value;
            }
            filled = filled.with(slot.getKey(), value);
        }
        return filled.missing(List.of());
    }

    /**
     * The last product search narrowed by a message that names only a size, a colour or a price ("in size 10?",
     * "any in black?", "under 80 please"): no product words of its own, no order, no email. Empty otherwise.
     */
    static Optional<Task> narrowed(String message, Entities entities, ConversationMemory memory) {
        Task last = memory.lastSearch();
        if (last == null
                || entities.orderNumber().isPresent()
                || entities.email().isPresent()
                || entities.first(Entity.Category.class).isPresent()) {
            return Optional.empty();
        }
        String cheapest = last.slots().get(SHOWN_MIN_PRICE);
        if (cheapest != null && CHEAPER.matcher(message).find()) {
            // "any cheaper ones?": the same search, under the lowest price it showed
            BigDecimal under = new BigDecimal(cheapest).subtract(new BigDecimal("0.01"));
            return Optional.of(
                    new Task(PRODUCT_SEARCH, last.slots(), List.of()).with(MAX_PRICE, under.toPlainString()));
        }
        Optional<String> bareSize = bareSize(message);
        if (bareSize.isPresent()) {
            return Optional.of(new Task(PRODUCT_SEARCH, last.slots(), List.of()).with(SIZE, bareSize.get()));
        }
        boolean namesAnAttribute = entities.size().isPresent()
                || entities.colour().isPresent()
                || entities.priceBound().isPresent()
                || entities.amount().isPresent()
                || entities.first(Entity.Ranking.class).isPresent();
        if (!namesAnAttribute) {
            return Optional.empty();
        }
        ToolArguments asked = StorePlan.productQuery(message, entities);
        Object words = asked.get(QUERY);
        String colour = entities.colour().map(c -> lower(c.name())).orElse("");
        boolean onlyTheColour =
                words == null || lower(words.toString()).replace(colour, "").isBlank();
        return onlyTheColour ? Optional.of(new Task(PRODUCT_SEARCH, last.slots(), List.of())) : Optional.empty();
    }

    /**
     * One of the products the last search showed, picked by its place ("uh the second one", "the last one"), as a task
     * reading its details. Empty for anything else.
     */
    static Optional<Task> picked(String message, ConversationMemory memory) {
        Task last = memory.lastSearch();
        Matcher pick = PICKS_ONE.matcher(message.strip());
        if (last == null || last.slots().getOrDefault(SHOWN, "").isBlank() || !pick.matches()) {
            return Optional.empty();
        }
        List<String> shown = List.of(last.slots().get(SHOWN).split(","));
        String which = lower(pick.group(1));
        int index = which.equals("last")
                ? shown.size() - 1
                : Math.max(ORDINALS.indexOf(which), "123".indexOf(which.charAt(0)));
        if (index < 0 || index >= shown.size()) {
            return Optional.empty();
        }
        return Optional.of(new Task(PRODUCT_DETAILS, Map.of(PRODUCT_ID, shown.get(index)), List.of()));
    }

    /** A size and nothing else ("in medium", "large please", "a 10?"): the answer to "which size?" a list invites. */
    private static final Pattern BARE_SIZE = Pattern.compile(
            "(?i)^\\W*(?:(?:in|a|an|size|the)\\s+)*(xxs|xs|s|m|l|xl|xxl|small|medium|large|extra[- ]large"
                    + "|extra[- ]small|\\d{1,2}(?:\\.5)?)(?:\\s+(?:please|pls|one|ones))?\\W*$");

    private static final Map<String, String> SIZE_WORDS =
            Map.of("small", "S", "medium", "M", "large", "L", "extra large", "XL", "extra small", "XS");

    static Optional<String> bareSize(String message) {
        Matcher size = BARE_SIZE.matcher(message.strip());
        if (!size.matches()) {
            return Optional.empty();
        }
        String said = lower(size.group(1)).replace('-', ' ');
        return Optional.of(SIZE_WORDS.getOrDefault(said, said.toUpperCase(Locale.ROOT)));
    }

    /** A number right after the word refund, too short to be an order's: "refund 30 on 1003", "refund me 12.50". */
    private static final Pattern BARE_REFUND_AMOUNT = Pattern.compile(
            "(?i)\\brefund(?:\\s+me)?\\s+\\$?(\\d{1,3}(?:[.,]\\d{1,2})?)(?![\\d%]|[.,]\\d|\\s*(?:percent|items?|days?|pairs?)\\b)");

    static Optional<BigDecimal> bareRefundAmount(String message) {
        Matcher bare = BARE_REFUND_AMOUNT.matcher(message);
        return bare.find() ? Optional.of(new BigDecimal(bare.group(1).replace(',', '.'))) : Optional.empty();
    }

    /** A product search's arguments for the tool, from its slots. */
    static ToolArguments searchArguments(Task search) {
        ToolArguments arguments = ToolArguments.none();
        for (Map.Entry<String, String> slot : search.slots().entrySet()) {
            String value = slot.getValue();
            arguments = switch (slot.getKey()) {
                case MIN_PRICE, MAX_PRICE -> arguments.with(slot.getKey(), new BigDecimal(value).doubleValue());
                case QUERY, SIZE -> arguments.with(slot.getKey(), value);
                default -> arguments;
            };
        }
        return arguments;
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
                // the problem told with the request goes with it, so the tool's policy sees it at the yes too
                String problem = task.slots().get(PROBLEM);
                if (problem != null) {
                    arguments.put("reason", problem.equals("wrong_item") ? "wrong item" : "damaged");
                }
            }
            case "exchange" ->
                arguments.put(
                        "reason",
                        task.slots().containsKey(SIZE)
                                ? "Exchange for size " + task.slots().get(SIZE)
                                : task.slots().containsKey(COLOUR)
                                        ? "Exchange for " + task.slots().get(COLOUR)
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
    static ToolArguments arguments(Confirmation confirmation) {
        ToolArguments arguments = ToolArguments.none();
        for (Map.Entry<String, String> argument : confirmation.arguments().entrySet()) {
            String name = argument.getKey();
            String value = argument.getValue();
            if (name.equals(AMOUNT) || name.equals("percent")) {
                try {
                    arguments = arguments.with(name, new BigDecimal(value).doubleValue());
                } catch (NumberFormatException e) {
                    // a stated amount that is not a number is not passed on: the tool then refunds what is left
                }
            } else {
                arguments = arguments.with(name, value);
            }
        }
        return arguments;
    }

    /** A model's tool call to confirm first, with its arguments kept as text. */
    static Confirmation proposed(String tool, ToolArguments arguments) {
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
