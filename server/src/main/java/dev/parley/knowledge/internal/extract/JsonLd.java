package dev.parley.knowledge.internal.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema.org JSON-LD of a page: every {@code application/ld+json} script that parses, with {@code @graph} and
 * arrays walked and {@code {"@id": ...}} references (as Yoast and others write them) followed.
 */
final class JsonLd {

    // Not the application's mapper: hand-written JSON-LD often has raw newlines in strings, trailing commas or
    // comments, and prices read as BigDecimal keep "19.90" exact.
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final List<JsonNode> roots;
    private final Map<String, JsonNode> byId = new HashMap<>();

    private JsonLd(List<JsonNode> roots) {
        this.roots = roots;
        roots.forEach(this::index);
    }

    /** Reads every JSON-LD script of the page; one that does not parse is skipped. */
    static JsonLd of(Document document) {
        List<JsonNode> roots = new ArrayList<>();
        for (Element script : document.select("script[type]")) {
            String type = script.attr("type").toLowerCase(Locale.ROOT);
            if (!type.strip().startsWith("application/ld+json")) {
                continue;
            }
            String json = script.data()
                    .strip()
                    .replaceFirst("^(<!--|<!\\[CDATA\\[)", "")
                    .replaceFirst("(-->|]]>)$", "");
            try {
                JsonNode root = LENIENT.readTree(json);
                if (root != null && (root.isObject() || root.isArray())) {
                    roots.add(root);
                }
            } catch (JacksonException e) {
                // Malformed JSON-LD is common and says nothing about the rest of the page.
            }
        }
        return new JsonLd(roots);
    }

    /** Objects of one of {@code types}, outermost first; what is nested inside a found object is not searched. */
    List<JsonNode> find(Set<String> types) {
        List<JsonNode> found = new ArrayList<>();
        roots.forEach(root -> find(root, types, found));
        return found;
    }

    private void find(JsonNode node, Set<String> types, List<JsonNode> found) {
        if (node.isArray()) {
            node.forEach(element -> find(element, types, found));
        } else if (node.isObject()) {
            if (types(node).stream().anyMatch(types::contains)) {
                if (!found.contains(node)) {
                    found.add(node);
                }
                return;
            }
            node.forEach(value -> find(value, types, found));
        }
    }

    /** A property's values as objects: one object, an array of them, references followed; strings left out. */
    List<JsonNode> objects(JsonNode node, String property) {
        JsonNode value = node.get(property);
        if (value == null) {
            return List.of();
        }
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode element : value.isArray() ? value : List.of(value)) {
            JsonNode resolved = resolve(element);
            if (resolved.isObject()) {
                objects.add(resolved);
            }
        }
        return objects;
    }

    /** The full object a bare {@code {"@id": ...}} points at, or the node itself. */
    JsonNode resolve(JsonNode node) {
        if (node.isObject() && node.size() == 1 && node.has("@id")) {
            return byId.getOrDefault(string(node.get("@id")), node);
        }
        return node;
    }

    private void index(JsonNode node) {
        if (node.isObject()) {
            String id = string(node.get("@id"));
            if (id != null && node.size() > 1) {
                byId.putIfAbsent(id, node);
            }
        }
        if (node.isContainer()) {
            node.forEach(this::index);
        }
    }

    /** {@code @type} as local names: "https://schema.org/Product", "schema:Product" and "Product" are all "Product". */
    static Set<String> types(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return Set.of();
        }
        List<JsonNode> values = new ArrayList<>();
        (type.isArray() ? type : List.of(type)).forEach(values::add);
        return values.stream()
                .map(JsonLd::string)
                .filter(value -> value != null)
                .map(JsonLd::localName)
                .collect(Collectors.toSet());
    }

    static String localName(String term) {
        String trimmed = term.strip();
        int cut = Math.max(trimmed.lastIndexOf('/'), Math.max(trimmed.lastIndexOf('#'), trimmed.lastIndexOf(':')));
        return trimmed.substring(cut + 1);
    }

    /**
     * A scalar as text; for an array its first scalar, for an object its {@code @value} or {@code name}; else null.
     */
    static String string(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                String value = string(element);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }
        if (node.isObject()) {
            return string(node.has("@value") ? node.get("@value") : node.get("name"));
        }
        String text = node.asString().strip();
        return text.isEmpty() ? null : text;
    }

    /** A property of an object as text (see {@link #string(JsonNode)}). */
    static String string(JsonNode node, String property) {
        return node == null ? null : string(node.get(property));
    }
}
