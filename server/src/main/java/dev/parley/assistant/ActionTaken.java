package dev.parley.assistant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * One entry of seed 001's {@code actions_taken}: every tool call the assistant made, whether it ran, was refused by
 * policy or failed.
 */
public record ActionTaken(String type, String tool, Status status, Map<String, Object> details) {

    /** How the call ended: it ran, the policy refused it, it waits for the customer, or the tool failed. */
    public enum Status {
        EXECUTED,
        REFUSED,
        NEEDS_INFO,
        FAILED;

        /** The word in JSON, webhooks and the stored {@code actions}. */
        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Status fromWire(String wire) {
            return Arrays.stream(values())
                    .filter(s -> s.wire().equals(wire))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No action status " + wire));
        }
    }
}
