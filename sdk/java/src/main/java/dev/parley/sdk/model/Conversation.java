package dev.parley.sdk.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A conversation (also a list row: {@code customer_email} instead of {@code customer}). Any other field: {@link #get(String)}. */
public class Conversation extends JsonObject {
    public Conversation(Map<String, ?> values) {
        super(values);
    }

    /** {@code id}. */
    public String id() {
        return getString("id");
    }

    /** {@code store_id}. */
    public String storeId() {
        return getString("store_id");
    }

    /** {@code status}. */
    public String status() {
        return getString("status");
    }

    /** {@code channel}. */
    public String channel() {
        return getString("channel");
    }

    /** {@code customer}. */
    public JsonObject customer() {
        return getObject("customer");
    }

    /** {@code customer_email}. */
    public String customerEmail() {
        return getString("customer_email");
    }

    /** {@code primary_intent}. */
    public String primaryIntent() {
        return getString("primary_intent");
    }

    /** {@code sentiment}. */
    public String sentiment() {
        return getString("sentiment");
    }

    /** {@code priority}. */
    public String priority() {
        return getString("priority");
    }

    /** {@code order_id}. */
    public String orderId() {
        return getString("order_id");
    }

    /** {@code assigned_to}. */
    public String assignedTo() {
        return getString("assigned_to");
    }

    /** {@code tags}. */
    public List<String> tags() {
        return getStrings("tags");
    }

    /** {@code ticket_id}. */
    public String ticketId() {
        return getString("ticket_id");
    }

    /** {@code escalation_reason}. */
    public String escalationReason() {
        return getString("escalation_reason");
    }

    /** {@code resolution_summary}. */
    public String resolutionSummary() {
        return getString("resolution_summary");
    }

    /** {@code resolution_type}. */
    public String resolutionType() {
        return getString("resolution_type");
    }

    /** {@code csat_score}. */
    public Integer csatScore() {
        return getInt("csat_score");
    }

    /** {@code message_count}. */
    public Integer messageCount() {
        return getInt("message_count");
    }

    /** {@code messages}. */
    public List<Message> messages() {
        List<Message> out = new ArrayList<>();
        for (JsonObject item : getObjects("messages")) {
            out.add(new Message(item.asMap()));
        }
        return out;
    }

    /** {@code actions_taken}. */
    public List<JsonObject> actionsTaken() {
        return getObjects("actions_taken");
    }

    /** {@code resolved_at}. */
    public String resolvedAt() {
        return getString("resolved_at");
    }

    /** {@code created_at}. */
    public String createdAt() {
        return getString("created_at");
    }

    /** {@code updated_at}. */
    public String updatedAt() {
        return getString("updated_at");
    }
}
