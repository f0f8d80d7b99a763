package dev.parley.assistant.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The help-centre topic each question intent is about, in the words such articles use: added to a knowledge search
 * whose customer's words alone found too little ("can you ship to London?" names no country an article does; "what
 * happens if my stuff arrives broken" shares no word with "damaged or wrong items"). Topics, not answers: what is
 * said still comes from the store's own articles, or nothing does.
 */
final class KnowledgeTopics {

    /** How sure the intent must be for its topic to widen a search. */
    static final double MIN_INTENT_CONFIDENCE = 0.5;

    private static final String SHIPPING = "shipping and delivery: which countries we ship to, delivery times, costs";
    private static final String RETURNS = "returns and exchanges: how many days to return an item, return label";
    private static final String REFUNDS =
            "refunds: when the refund arrives, damaged or wrong items replaced or refunded";
    private static final String PAYMENTS =
            "payment methods we accept: credit cards, PayPal, digital wallets, pay later in instalments";
    private static final String STORES = "store hours and locations, shops, pick up in store";

    private static final Map<String, String> TOPICS = Map.ofEntries(
            Map.entry("shipping_info", SHIPPING),
            Map.entry("delivery_time", SHIPPING),
            Map.entry("delivery_options", SHIPPING),
            Map.entry("return_request", RETURNS),
            Map.entry("exchange", RETURNS),
            Map.entry("refund_request", REFUNDS),
            Map.entry("refund_policy", REFUNDS),
            Map.entry("refund_status", REFUNDS),
            Map.entry("billing", PAYMENTS),
            Map.entry("payment_methods", PAYMENTS),
            Map.entry("store_locations", STORES));

    /** A topic's own words in a message the classifier placed in none ("Can you ship an order to London, UK?"). */
    private static final Map<Pattern, String> BY_WORDS = Map.of(
            Pattern.compile("(?i)\\b(ship|shipping|shipped|deliver|delivery|courier|postage|abroad|overseas"
                            + "|international\\w*|countr(y|ies)|(i|we) live in|(i'?m|we'?re|i am|we are) based in"
                            + "|from (another|a different) country)\\b"),
                    SHIPPING,
            Pattern.compile("(?i)\\b(pay|paying|payment|card|paypal|instal+ments?|pay later)\\b"), PAYMENTS,
            Pattern.compile("(?i)\\b(refund|refunds|money back|damaged|broken|faulty|defective|torn)\\b"), REFUNDS,
            Pattern.compile("(?i)\\b(shop|store|stores|opening hours|open on|pick (it |them |my order )?up)\\b"),
                    STORES);

    private KnowledgeTopics() {}

    /** The topic of a question the intent names. */
    static Optional<String> of(String intent) {
        return Optional.ofNullable(TOPICS.get(intent));
    }

    /**
     * The topic of a question: the one its intent names when the classifier is sure enough of it, else the one its
     * words name when they name exactly one.
     */
    static Optional<String> of(String intent, double confidence, String message) {
        if (confidence >= MIN_INTENT_CONFIDENCE && TOPICS.containsKey(intent)) {
            return Optional.of(TOPICS.get(intent));
        }
        List<String> named = BY_WORDS.entrySet().stream()
                .filter(e -> e.getKey().matcher(message).find())
                .map(Map.Entry::getValue)
                .distinct()
                .toList();
        return named.size() == 1 ? Optional.of(named.getFirst()) : Optional.empty();
    }
}
