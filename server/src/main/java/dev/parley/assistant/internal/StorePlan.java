package dev.parley.assistant.internal;

import dev.parley.assistant.internal.understanding.Entity;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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

    private static final Map<String, String> TOOLS = Map.of(
            "order_status", "order_status",
            "refund_request", "refund",
            "return_request", "request_return",
            "product_search", "search_products");

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
            "available");

    private StorePlan() {}

    static Optional<Step> next(
            String intent, double intentConfidence, String message, List<Entity> entities, Map<String, String> facts) {
        boolean suppliesIdentity = entities.stream()
                .anyMatch(e -> e.type().equals("email") || e.type().equals("order_number"));
        String pending = facts.get("pending_tool");
        String tool = null;
        if (intentConfidence >= MIN_INTENT_CONFIDENCE && TOOLS.containsKey(intent)) {
            tool = TOOLS.get(intent);
            if (tool.equals("order_status") && message.toLowerCase(Locale.ROOT).contains("track")) {
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
                entities.stream()
                        .filter(e -> e.type().equals("amount"))
                        .findFirst()
                        .map(e -> new BigDecimal(e.value().split(" ")[0]))
                        .ifPresent(amount -> arguments.put("amount", amount.doubleValue()));
            case "search_products" -> productQuery(message, entities, arguments);
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

    private static void productQuery(String message, List<Entity> entities, Map<String, Object> arguments) {
        String lower = message.toLowerCase(Locale.ROOT);
        entities.stream().filter(e -> e.type().equals("amount")).findFirst().ifPresent(amount -> {
            double value = Double.parseDouble(amount.value().split(" ")[0]);
            arguments.put(lower.matches(".*\\b(over|above|more than)\\b.*") ? "min_price" : "max_price", value);
        });
        java.util.regex.Matcher size = java.util.regex.Pattern.compile(
                        "\\bsize\\s+([0-9]{1,2}(?:\\.5)?|xs|s|m|l|xl)\\b")
                .matcher(lower);
        if (size.find()) {
            arguments.put("size", size.group(1).toUpperCase(Locale.ROOT));
        }
        String withoutEntities = lower.replaceAll("\\$\\s?\\d+(?:[.,]\\d+)?", " ")
                .replaceAll("\\bsize\\s+\\S+", " ")
                .replaceAll("\\d+", " ");
        String query = Arrays.stream(withoutEntities.split("[^\\p{L}']+"))
                .filter(w -> !w.isBlank() && !NOT_PRODUCT_WORDS.contains(w))
                .collect(Collectors.joining(" "));
        if (!query.isBlank()) {
            arguments.put("query", query);
        }
    }
}
