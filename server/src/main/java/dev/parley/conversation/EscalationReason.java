package dev.parley.conversation;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.parley.platform.ApiException;
import java.util.List;
import java.util.Objects;

/**
 * Why a conversation was passed to a person: one of Parley's own reasons ({@link #CUSTOMER_REQUEST},
 * {@link #FRUSTRATED}, {@link #LOW_CONFIDENCE}, {@link #POLICY}, {@link #MANUAL}), or the words an API caller gave
 * (seed 001's {@code "Customer specifically requested human agent"}). The wire word is the webhook's {@code reason}
 * and the {@code conversations.escalation_reason} column.
 */
public record EscalationReason(String wire) {

    /** The longest reason an API caller may give. */
    public static final int MAX_LENGTH = 500;

    /** The customer asked for a person. */
    public static final EscalationReason CUSTOMER_REQUEST = new EscalationReason("customer_request");

    /** The customer stayed frustrated over several messages. */
    public static final EscalationReason FRUSTRATED = new EscalationReason("frustrated");

    /** The assistant could not answer with enough confidence. */
    public static final EscalationReason LOW_CONFIDENCE = new EscalationReason("low_confidence");

    /** A store policy refused what the customer asked, and a person decides. */
    public static final EscalationReason POLICY = new EscalationReason("policy");

    /** An agent or an API caller escalated without giving a reason. */
    public static final EscalationReason MANUAL = new EscalationReason("manual");

    /** Parley's own reasons; any other is a caller's words. */
    public static final List<EscalationReason> KNOWN =
            List.of(CUSTOMER_REQUEST, FRUSTRATED, LOW_CONFIDENCE, POLICY, MANUAL);

    public EscalationReason {
        Objects.requireNonNull(wire, "wire");
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    /** The reason a stored or sent word names; {@code null} stays {@code null}. */
    public static EscalationReason fromWire(String wire) {
        if (wire == null) {
            return null;
        }
        return KNOWN.stream().filter(r -> r.wire.equals(wire)).findFirst().orElseGet(() -> new EscalationReason(wire));
    }

    /**
     * The reason an API caller gave, {@link #MANUAL} when they gave none.
     *
     * @throws ApiException {@code invalid_request} (field {@code reason}) when it is longer than {@link #MAX_LENGTH}
     */
    public static EscalationReason given(String words) {
        if (words == null) {
            return MANUAL;
        }
        if (words.length() > MAX_LENGTH) {
            throw ApiException.invalidField("reason", "too_long");
        }
        return fromWire(words);
    }

    @Override
    public String toString() {
        return wire;
    }
}
