package dev.parley.assistant.internal;

import dev.parley.assistant.internal.understanding.Entities;
import dev.parley.assistant.internal.understanding.Entity;
import dev.parley.assistant.internal.understanding.Entity.NewAddress;
import dev.parley.assistant.internal.understanding.EntityExtractor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The offline engine's choice of a store tool: from the intent, or to finish what a tool asked for on the previous
 * turn (the email for an order, say). It only picks a tool and passes what the message says; what the tool allows is
 * the commerce module's policy.
 */
final class StorePlan {

    /** A tool to call and its arguments. */
    record Step(String tool, Map<String, Object> arguments) {}

    static final double MIN_INTENT_CONFIDENCE = 0.3;

    /** The conversation's memory of a new address given before the order could be changed, as one line. */
    static final String NEW_ADDRESS = "new_address";

    /**
     * The store tool for each intent that acts on the store; the other intents are questions the knowledge answers.
     * A refund's status is read from its order, an exchange starts as a return, and a stock question is a search.
     */
    private static final Map<String, String> TOOLS = Map.of(
            "change_address", "change_address",
            "order_status", "order_status",
            "refund_status", "order_status",
            "refund_request", "refund",
            "return_request", "request_return",
            "exchange", "request_return",
            "product_search", "search_products",
            "stock_availability", "search_products");

    private static final Set<String> ABOUT_AN_ORDER = Set.of("refund", "request_return");

    private static final Set<String> NOT_PRODUCT_WORDS = Set.of(
            "show",
            "me",
            "do",
            "you",
            "have",
            "any",
            "i",
            "want",
            "wanted",
            "looking",
            "look",
            "for",
            "need",
            "a",
            "an",
            "some",
            "the",
            "please",
            "find",
            "search",
            "buy",
            "under",
            "below",
            "less",
            "than",
            "over",
            "above",
            "in",
            "size",
            "sizes",
            "with",
            "to",
            "is",
            "are",
            "there",
            "can",
            "get",
            "what",
            "which",
            "sell",
            "your",
            "im",
            "i'm",
            "and",
            "or",
            "of",
            "my",
            "cheap",
            "good",
            "best",
            "new",
            "recommend",
            "would",
            "like",
            "usd",
            "dollars",
            "dollar",
            "something",
            "anything",
            "stock",
            "available",
            "when",
            "will",
            "be",
            "back",
            "still",
            "it",
            "this",
            "sold",
            "out",
            "restock",
            "restocked");

    private StorePlan() {}

    static Optional<Step> next(
            String intent, double intentConfidence, String message, Entities entities, Map<String, String> facts) {
        boolean suppliesIdentity = entities.identifiesAnOrder();
        String pending = facts.get("pending_tool");
        String tool = null;
        if (intentConfidence >= MIN_INTENT_CONFIDENCE && TOOLS.containsKey(intent)) {
            tool = TOOLS.get(intent);
            if (intent.equals("order_status")
                    && message.toLowerCase(Locale.ROOT).contains("track")) {
                tool = "track_order";
            }
        } else if (pending != null && suppliesIdentity) {
            tool = pending;
        }
        // A refund or return question about no order in particular is a policy question: the knowledge answers it.
        if (tool == null || (ABOUT_AN_ORDER.contains(tool) && !facts.containsKey("order_number"))) {
            return Optional.empty();
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        switch (tool) {
            case "refund" ->
                entities.amount()
                        .ifPresent(amount ->
                                arguments.put("amount", amount.amount().doubleValue()));
            case "search_products" -> productQuery(message, entities, arguments);
            case "change_address" -> {
                // Only a complete address is worth a store call; without one the knowledge explains how to change it.
                Optional<NewAddress> address = entities.newAddress()
                        .or(() -> Optional.ofNullable(facts.get(NEW_ADDRESS)).map(EntityExtractor::parseAddress))
                        .filter(NewAddress::complete);
                if (address.isEmpty()) {
                    return Optional.empty();
                }
                put(arguments, "address1", address.get().address1());
                put(arguments, "address2", address.get().address2());
                put(arguments, "city", address.get().city());
                put(arguments, "province", address.get().province());
                put(arguments, "zip", address.get().zip());
                put(arguments, "country", address.get().country());
            }
            default -> {}
        }
        return Optional.of(new Step(tool, arguments));
    }

    /**
     * A discount code to make up for a problem with the order this conversation verified, offered once when the
     * customer is unhappy: never because they asked for one (a discount request maps to no tool). Whether the order's
     * problem qualifies is the tool's policy.
     */
    static Optional<Step> recovery(String sentiment, Map<String, String> facts) {
        boolean unhappy = sentiment.equals("negative") || sentiment.equals("frustrated");
        if (!unhappy || !facts.containsKey("verified_email") || facts.containsKey("discount_code")) {
            return Optional.empty();
        }
        return Optional.of(new Step("apply_discount", Map.of()));
    }

    private static void put(Map<String, Object> arguments, String name, String value) {
        if (value != null) {
            arguments.put(name, value);
        }
    }

    /**
     * The catalogue search a message asks for: its price bound (or an amount alone as the most it would pay), its
     * size, and its remaining words as the query (colour and category words stay in it: they match titles).
     */
    private static void productQuery(String message, Entities entities, Map<String, Object> arguments) {
        Optional<Entity.PriceBound> bound = entities.priceBound();
        if (bound.isPresent()) {
            if (bound.get().min() != null) {
                arguments.put("min_price", bound.get().min().doubleValue());
            }
            if (bound.get().max() != null) {
                arguments.put("max_price", bound.get().max().doubleValue());
            }
        } else {
            entities.amount()
                    .ifPresent(
                            amount -> arguments.put("max_price", amount.amount().doubleValue()));
        }
        // "EU 42" asks for the store's size 42.
        entities.size().ifPresent(size -> arguments.put("size", size.label().replaceFirst("^(EU|US|UK) ", "")));
        StringBuilder words = new StringBuilder(message);
        for (Entity entity : entities.all()) {
            if (entity instanceof Entity.Money
                    || entity instanceof Entity.PriceBound
                    || entity instanceof Entity.Size
                    || entity instanceof Entity.Ranking) {
                for (int i = entity.start(); i < entity.end(); i++) {
                    words.setCharAt(i, ' ');
                }
            }
        }
        String query = Arrays.stream(words.toString()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("\\d+", " ")
                        .split("[^\\p{L}']+"))
                .filter(w -> !w.isBlank() && !NOT_PRODUCT_WORDS.contains(w))
                .collect(Collectors.joining(" "));
        if (!query.isBlank()) {
            arguments.put("query", query);
        }
    }
}
