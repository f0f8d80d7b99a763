package dev.parley.sdk.model;

import java.util.Map;

/** {@code POST .../escalate}: the ticket and who has it. Any other field: {@link #get(String)}. */
public class Escalation extends JsonObject {
    public Escalation(Map<String, ?> values) {
        super(values);
    }

    /** {@code escalated}. */
    public boolean escalated() {
        return is("escalated");
    }

    /** {@code ticket_id}. */
    public String ticketId() {
        return getString("ticket_id");
    }

    /** {@code assigned_to}. */
    public String assignedTo() {
        return getString("assigned_to");
    }

    /** {@code customer_message}. */
    public String customerMessage() {
        return getString("customer_message");
    }
}
