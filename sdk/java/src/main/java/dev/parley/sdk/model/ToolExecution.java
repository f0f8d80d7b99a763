package dev.parley.sdk.model;

import java.util.Map;

/** A tool run through the assistant's gate and policy. Any other field: {@link #get(String)}. */
public class ToolExecution extends JsonObject {
    public ToolExecution(Map<String, ?> values) {
        super(values);
    }

    /** {@code tool}. */
    public String tool() {
        return getString("tool");
    }

    /** {@code status}. */
    public String status() {
        return getString("status");
    }

    /** {@code result}. */
    public String result() {
        return getString("result");
    }

    /** {@code action}. */
    public JsonObject action() {
        return getObject("action");
    }

    /** {@code escalate}. */
    public boolean escalate() {
        return is("escalate");
    }
}
