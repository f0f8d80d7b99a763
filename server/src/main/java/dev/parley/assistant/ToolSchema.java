package dev.parley.assistant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tool's parameters as a small JSON Schema: an object of named, typed properties, some required. It validates
 * arguments before a tool sees them, whoever produced the arguments.
 */
public record ToolSchema(Map<String, Property> properties, List<String> required) {

    /**
     * @param type string, integer, number or boolean
     * @param allowed the only values accepted, or empty for any
     */
    public record Property(String type, String description, List<String> allowed, Double minimum, Double maximum) {

        public static Property string(String description) {
            return new Property("string", description, List.of(), null, null);
        }

        public static Property number(String description, Double minimum, Double maximum) {
            return new Property("number", description, List.of(), minimum, maximum);
        }

        public static Property oneOf(String description, String... values) {
            return new Property("string", description, List.of(values), null, null);
        }
    }

    public ToolSchema {
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        required = List.copyOf(required);
    }

    public static ToolSchema none() {
        return new ToolSchema(Map.of(), List.of());
    }

    /** The problems with these arguments, empty when they fit. */
    public List<String> problems(ToolArguments arguments) {
        List<String> problems = new java.util.ArrayList<>();
        for (String name : required) {
            if (arguments.get(name) == null) {
                problems.add(name + " is required");
            }
        }
        for (String name : arguments.names()) {
            Property property = properties.get(name);
            Object value = arguments.get(name);
            if (property == null) {
                problems.add(name + " is not a parameter");
                continue;
            }
            if (value == null) {
                continue;
            }
            switch (property.type()) {
                case "string" -> {
                    if (!(value instanceof String s)) {
                        problems.add(name + " must be a string");
                    } else if (!property.allowed().isEmpty()
                            && !property.allowed().contains(s)) {
                        problems.add(name + " must be one of " + property.allowed());
                    } else if (s.length() > 2000) {
                        problems.add(name + " is too long");
                    }
                }
                case "number", "integer" -> {
                    if (!(value instanceof Number n)
                            || Double.isNaN(n.doubleValue())
                            || Double.isInfinite(n.doubleValue())) {
                        problems.add(name + " must be a number");
                    } else if ((property.minimum() != null && n.doubleValue() < property.minimum())
                            || (property.maximum() != null && n.doubleValue() > property.maximum())) {
                        problems.add(name + " is out of range");
                    }
                }
                case "boolean" -> {
                    if (!(value instanceof Boolean)) {
                        problems.add(name + " must be true or false");
                    }
                }
                default -> problems.add(name + " has an unknown type");
            }
        }
        return problems;
    }

    /** The schema as JSON Schema, for models with tool calling. */
    public Map<String, Object> asJsonSchema() {
        Map<String, Object> props = new LinkedHashMap<>();
        properties.forEach((name, p) -> {
            Map<String, Object> property = new LinkedHashMap<>();
            property.put("type", p.type());
            property.put("description", p.description());
            if (!p.allowed().isEmpty()) {
                property.put("enum", p.allowed());
            }
            if (p.minimum() != null) {
                property.put("minimum", p.minimum());
            }
            if (p.maximum() != null) {
                property.put("maximum", p.maximum());
            }
            props.put(name, property);
        });
        return Map.of("type", "object", "properties", props, "required", required);
    }
}
