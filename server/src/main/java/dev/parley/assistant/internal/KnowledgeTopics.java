package dev.parley.assistant.internal;

import java.util.Map;
import java.util.Optional;

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
            Map.entry("complaint", REFUNDS),
            Map.entry("billing", PAYMENTS),
            Map.entry("payment_methods", PAYMENTS),
            Map.entry("store_locations", STORES));

    private KnowledgeTopics() {}

    static Optional<String> of(String intent) {
        return Optional.ofNullable(TOPICS.get(intent));
    }
}
