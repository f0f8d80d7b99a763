package dev.parley.assistant.internal;

import dev.parley.assistant.ToolArguments;
import dev.parley.assistant.ToolName;
import dev.parley.assistant.internal.understanding.Entities;
import dev.parley.assistant.internal.understanding.Entity;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Store steps the offline engine takes besides a task's own (see {@link TaskFlows}): the catalogue search a message
 * asks for, and an apology code offered to an upset customer. It only picks a tool and passes what the message says;
 * what the tool allows is the commerce module's policy.
 */
final class StorePlan {

    /** A tool to call and its arguments. */
    record Step(String tool, ToolArguments arguments) {}

    static final double MIN_INTENT_CONFIDENCE = 0.3;

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

    /**
     * A discount code to make up for a problem with the order this conversation verified, offered once when the
     * customer is unhappy: never because they asked for one (a discount request maps to no tool). Whether the order's
     * problem qualifies is the tool's policy.
     */
    static Optional<Step> recovery(boolean unhappy, Map<String, String> facts) {
        if (!unhappy || !facts.containsKey("verified_email") || facts.containsKey("discount_code")) {
            return Optional.empty();
        }
        return Optional.of(new Step(ToolName.APPLY_DISCOUNT.wire(), ToolArguments.none()));
    }

    /**
     * The catalogue search a message asks for: its price bound (or an amount alone as the most it would pay), its
     * size, and its remaining words as the query (colour and category words stay in it: they match titles).
     */
    static ToolArguments productQuery(String message, Entities entities) {
        ToolArguments arguments = ToolArguments.none();
        Optional<Entity.PriceBound> bound = entities.priceBound();
        if (bound.isPresent()) {
            if (bound.get().min() != null) {
                arguments = arguments.with("min_price", bound.get().min().doubleValue());
            }
            if (bound.get().max() != null) {
                arguments = arguments.with("max_price", bound.get().max().doubleValue());
            }
        } else if (entities.amount().isPresent()) {
            arguments =
                    arguments.with("max_price", entities.amount().get().amount().doubleValue());
        }
        if (entities.size().isPresent()) {
            // "EU 42" asks for the store's size 42.
            arguments = arguments.with("size", entities.size().get().label().replaceFirst("^(EU|US|UK) ", ""));
        }
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
        return query.isBlank() ? arguments : arguments.with("query", query);
    }
}
