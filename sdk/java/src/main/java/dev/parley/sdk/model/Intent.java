package dev.parley.sdk.model;

import java.util.List;
import java.util.Map;

/** An intent the assistant recognises. Any other field: {@link #get(String)}. */
public class Intent extends JsonObject {
    public Intent(Map<String, ?> values) {
        super(values);
    }

    /** {@code name}. */
    public String name() {
        return getString("name");
    }

    /** {@code built_in}. */
    public boolean builtIn() {
        return is("built_in");
    }

    /** {@code description}. */
    public String description() {
        return getString("description");
    }

    /** {@code examples}. */
    public List<String> examples() {
        return getStrings("examples");
    }
}
