package dev.parley.sdk.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's parameters (the JSON body of a POST, PUT or PATCH, or the query of a GET). Keys may be written in
 * camelCase or snake_case; they are sent as snake_case ({@code customerEmail} becomes {@code customer_email}), except
 * the keys inside free-form maps ({@code metadata}, {@code data}, {@code parameters}, {@code facts}), which are the
 * caller's own data and are sent as given. A null value is left out.
 *
 * <pre>{@code
 * Params.of("customerEmail", "ana@example.com", "initialMessage", "Where is my order?")
 * new Params().put("status", "escalated").put("perPage", 100)
 * }</pre>
 */
public class Params {
    /** Keys whose values are free-form maps: their own keys are never renamed. */
    private static final Set<String> OPAQUE =
            Set.of("metadata", "data", "parameters", "facts", "preferences", "erased");

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Parameters from alternating keys and values. */
    public static Params of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Params.of takes keys and values in pairs");
        }
        Params params = new Params();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return params;
    }

    /** Parameters copied from a map. */
    public static Params from(Map<String, ?> map) {
        Params params = new Params();
        map.forEach(params::put);
        return params;
    }

    /** Sets a parameter (its key converted to snake_case); null removes it. */
    public Params put(String key, Object value) {
        String name = snakeCase(key);
        if (value == null) {
            values.remove(name);
        } else {
            values.put(name, OPAQUE.contains(name) ? plain(value) : convert(value));
        }
        return this;
    }

    /** Sets a parameter in a subclass's fluent setter, keeping the subclass's type. */
    @SuppressWarnings("unchecked")
    protected <P extends Params> P set(String key, Object value) {
        put(key, value);
        return (P) this;
    }

    /** Copies every parameter of {@code other} into this one. */
    public Params putAll(Params other) {
        if (other != null) {
            values.putAll(other.values);
        }
        return this;
    }

    public Object get(String key) {
        return values.get(snakeCase(key));
    }

    /** Removes a parameter and returns its value. */
    public Object remove(String key) {
        return values.remove(snakeCase(key));
    }

    /** A copy of the parameters, keys in snake_case. */
    public Map<String, Object> toMap() {
        return new LinkedHashMap<>(values);
    }

    /** {@code customerEmail} to {@code customer_email}; snake_case stays as it is. */
    public static String snakeCase(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
                .toLowerCase(java.util.Locale.ROOT);
    }

    private static Object convert(Object value) {
        if (value instanceof Params) {
            return ((Params) value).toMap();
        }
        if (value instanceof JsonObject) {
            return ((JsonObject) value).asMap();
        }
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (entry.getValue() != null) {
                    String name = snakeCase(String.valueOf(entry.getKey()));
                    out.put(name, OPAQUE.contains(name) ? plain(entry.getValue()) : convert(entry.getValue()));
                }
            }
            return out;
        }
        if (value instanceof Collection) {
            List<Object> out = new ArrayList<>();
            for (Object item : (Collection<?>) value) {
                out.add(convert(item));
            }
            return out;
        }
        return value;
    }

    private static Object plain(Object value) {
        if (value instanceof Params) {
            return ((Params) value).toMap();
        }
        return value instanceof JsonObject ? ((JsonObject) value).asMap() : value;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
