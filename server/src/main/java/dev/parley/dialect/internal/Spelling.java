package dev.parley.dialect.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Renames the property names of a JSON tree between snake_case and camelCase, leaving named subtrees as they are. */
final class Spelling {

    private Spelling() {}

    static String camel(String snake) {
        if (snake.indexOf('_') < 0) {
            return snake;
        }
        StringBuilder out = new StringBuilder(snake.length());
        boolean upper = false;
        for (int i = 0; i < snake.length(); i++) {
            char c = snake.charAt(i);
            if (c == '_' && i > 0 && i < snake.length() - 1) {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** A run of capitals is one word: {@code extractFAQs} is {@code extract_faqs}, {@code pageURL} {@code page_url}. */
    static String snake(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                char before = camel.charAt(i - 1);
                if (Character.isLowerCase(before) || Character.isDigit(before)) {
                    out.append('_');
                }
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    /**
     * The snake_case name of a camelCase one ({@code customerEmail}, {@code extractFAQs}); any other name as it is, so
     * {@code customer_email}, {@code Authorization} or {@code X} keep their spelling.
     */
    static String snakeIfCamel(String name) {
        if (name.isEmpty()
                || !Character.isLowerCase(name.charAt(0))
                || name.chars().noneMatch(Character::isUpperCase)) {
            return name;
        }
        return snake(name);
    }

    /**
     * A copy of {@code node} whose property names are renamed by {@code rename}, except inside the properties named in
     * {@code keep} (free-form data such as a caller's own {@code metadata}), which are copied as they are.
     */
    static JsonNode renamed(JsonNode node, java.util.function.UnaryOperator<String> rename, Set<String> keep) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.properties());
            for (Map.Entry<String, JsonNode> entry : entries) {
                JsonNode value =
                        keep.contains(entry.getKey()) ? entry.getValue() : renamed(entry.getValue(), rename, keep);
                copy.set(rename.apply(entry.getKey()), value);
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : array) {
                copy.add(renamed(item, rename, keep));
            }
            return copy;
        }
        return node;
    }
}
