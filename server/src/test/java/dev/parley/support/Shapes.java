package dev.parley.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Compares a response with a seed's documented example by shape: every field of the example is present under the
 * same name, with a value of the same JSON type (number, string, boolean, object, array), at the same nesting; the
 * elements of an array are compared with the example's first element. Values are not compared (the example's are
 * invented); an example's {@code null} admits any type. Extra fields are allowed (Parley answers supersets).
 */
public final class Shapes {

    private Shapes() {}

    /** A leeway whose reason starts so: the object's keys are data (intents, tools), its values keep the shape. */
    public static final String KEYED_BY_DATA = "keyed by data: ";

    /** A leeway whose reason starts so: the value's content depends on the case (an action's or error's details). */
    public static final String FREE_FORM = "free-form: ";

    /**
     * The differences, as {@code /pointer: what} lines. {@code leeway} names pointers (array elements as
     * {@code /list/*}), each with its reason: one starting with {@link #KEYED_BY_DATA} compares every value of the
     * object with the example's first value, one starting with {@link #FREE_FORM} compares only the JSON type, any
     * other lets Parley answer {@code null} where the example has a value.
     */
    public static List<String> differences(JsonNode example, JsonNode actual, Map<String, String> leeway) {
        List<String> found = new ArrayList<>();
        compare("", example, actual, leeway, found);
        return found;
    }

    public static List<String> differences(JsonNode example, JsonNode actual) {
        return differences(example, actual, Map.of());
    }

    private static void compare(
            String at, JsonNode example, JsonNode actual, Map<String, String> leeway, List<String> found) {
        String reason = leeway.getOrDefault(at, "");
        if (example.isNull()) {
            return;
        }
        if (actual == null || actual.isMissingNode()) {
            found.add(at + ": missing");
            return;
        }
        if (actual.isNull()) {
            if (!leeway.containsKey(at)) {
                found.add(at + ": null where the seed has a " + type(example));
            }
            return;
        }
        if (!type(example).equals(type(actual))) {
            found.add(at + ": " + type(actual) + " where the seed has a " + type(example));
            return;
        }
        if (reason.startsWith(FREE_FORM)) {
            return;
        }
        if (example.isObject() && reason.startsWith(KEYED_BY_DATA)) {
            JsonNode value = example.properties().iterator().next().getValue();
            for (Map.Entry<String, JsonNode> field : actual.properties()) {
                compare(at + "/*", value, field.getValue(), leeway, found);
            }
        } else if (example.isObject()) {
            for (Map.Entry<String, JsonNode> field : example.properties()) {
                compare(at + "/" + field.getKey(), field.getValue(), actual.get(field.getKey()), leeway, found);
            }
        } else if (example.isArray() && !example.isEmpty()) {
            for (JsonNode element : actual) {
                compare(at + "/*", example.get(0), element, leeway, found);
            }
        }
    }

    private static String type(JsonNode node) {
        if (node.isNumber()) {
            return "number";
        }
        if (node.isString()) {
            return "string";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
