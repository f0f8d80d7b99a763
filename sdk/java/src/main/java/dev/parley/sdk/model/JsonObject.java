package dev.parley.sdk.model;

import dev.parley.sdk.core.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON object as the API sent it, keys in the API's snake_case. Every typed model extends it, so a field the model
 * names no accessor for is still there: {@code conv.getString("visitor_token")}, {@code conv.get("analysis")}.
 */
public class JsonObject {
    private final Map<String, Object> values;

    public JsonObject(Map<String, ?> values) {
        this.values =
                values == null ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Parses a JSON object. */
    public static JsonObject parse(String json) {
        Object value = Json.parse(json);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("Not a JSON object");
        }
        return new JsonObject(cast(value));
    }

    /** The raw value: String, Long, Double, Boolean, null, {@code Map<String,Object>} or {@code List<Object>}. */
    public Object get(String key) {
        return values.get(key);
    }

    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    public String getString(String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString();
    }

    /** A number as a Long; null when absent or null. */
    public Long getLong(String key) {
        Object value = values.get(key);
        return value instanceof Number ? (Long) ((Number) value).longValue() : null;
    }

    public Integer getInt(String key) {
        Object value = values.get(key);
        return value instanceof Number ? (Integer) ((Number) value).intValue() : null;
    }

    public Double getDouble(String key) {
        Object value = values.get(key);
        return value instanceof Number ? (Double) ((Number) value).doubleValue() : null;
    }

    public Boolean getBoolean(String key) {
        Object value = values.get(key);
        return value instanceof Boolean ? (Boolean) value : null;
    }

    /** {@code true} only when the field is the JSON {@code true}. */
    public boolean is(String key) {
        return Boolean.TRUE.equals(values.get(key));
    }

    /** A nested object (an empty one when absent or null). */
    public JsonObject getObject(String key) {
        Object value = values.get(key);
        return value instanceof Map ? new JsonObject(cast(value)) : new JsonObject(null);
    }

    /** A nested object, or null when absent or null. */
    public JsonObject getObjectOrNull(String key) {
        Object value = values.get(key);
        return value instanceof Map ? new JsonObject(cast(value)) : null;
    }

    /** An array of objects (an empty list when absent). */
    public List<JsonObject> getObjects(String key) {
        List<JsonObject> out = new ArrayList<>();
        for (Object item : getList(key)) {
            if (item instanceof Map) {
                out.add(new JsonObject(cast(item)));
            }
        }
        return out;
    }

    /** An array of strings (an empty list when absent). */
    public List<String> getStrings(String key) {
        List<String> out = new ArrayList<>();
        for (Object item : getList(key)) {
            out.add(item == null ? null : item.toString());
        }
        return out;
    }

    /** An array as it came (an empty list when absent). */
    public List<Object> getList(String key) {
        Object value = values.get(key);
        if (!(value instanceof List)) {
            return Collections.emptyList();
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) value;
        return Collections.unmodifiableList(list);
    }

    /** The fields, read-only. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** This object as compact JSON. */
    public String toJson() {
        return Json.write(values);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + toJson();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonObject && values.equals(((JsonObject) other).values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }
}
