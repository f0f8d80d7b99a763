package dev.parley.assistant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What a tool is called with: named JSON values (text, numbers, true or false), as the tool's {@link ToolSchema}
 * declares them. Whoever produced them (the offline engine, a model's tool call, the test endpoint), the gate checks
 * them against the schema before the tool reads them, so a tool's typed reads see the declared types. Immutable; the
 * order the arguments were given in is kept, for the JSON a model or an action record shows.
 */
public final class ToolArguments {

    private static final ToolArguments NONE = new ToolArguments(Map.of());

    private final Map<String, Object> values;

    private ToolArguments(Map<String, ?> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** No arguments. */
    public static ToolArguments none() {
        return NONE;
    }

    /** These named values, in their order; a JSON object as a tool call carries it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ToolArguments of(Map<String, ?> values) {
        return values == null || values.isEmpty() ? NONE : new ToolArguments(values);
    }

    /** These arguments and one more (or one replaced). */
    public ToolArguments with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(values);
        more.put(name, value);
        return new ToolArguments(more);
    }

    /** The value as given, or null when it is absent. */
    public Object get(String name) {
        return values.get(name);
    }

    /** The text argument; empty when it is absent or not text. */
    public Optional<String> text(String name) {
        return values.get(name) instanceof String text ? Optional.of(text) : Optional.empty();
    }

    /** The text argument, or null when it is absent or not text. */
    public String textOrNull(String name) {
        return text(name).orElse(null);
    }

    /** The number argument; empty when it is absent or not a number. */
    public Optional<Number> number(String name) {
        return values.get(name) instanceof Number number ? Optional.of(number) : Optional.empty();
    }

    /** The number argument as a whole number, or the fallback when it is absent or not a number. */
    public int integer(String name, int fallback) {
        return number(name).map(Number::intValue).orElse(fallback);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Set<String> names() {
        return values.keySet();
    }

    public void forEach(BiConsumer<String, Object> action) {
        values.forEach(action);
    }

    /** The arguments as the JSON object a tool call carries (read-only). */
    @JsonValue
    public Map<String, Object> asJson() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ToolArguments that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
