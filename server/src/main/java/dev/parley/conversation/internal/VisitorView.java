package dev.parley.conversation.internal;

import dev.parley.assistant.ActionTaken;
import dev.parley.conversation.MessageAnalysis;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a widget visitor (a publishable key) sees of the assistant's actions and analysis: what the customer was told,
 * never the store's policy numbers (its refund limit, what the assistant has refunded or may still refund, its
 * discount policy), refusal reason codes, or how the turn was made (model, timings). Secret-key callers, the store's
 * own servers and its team, see everything.
 */
final class VisitorView {

    /** Details a visitor was told, or that name what they were shown or given. */
    private static final Set<String> TOLD = Set.of(
            "order_number",
            "code",
            "value",
            "currency",
            "carrier",
            "tracking_number",
            "tracking_status",
            "return_id",
            "label_url",
            "address",
            "field",
            "query",
            "total_count",
            "products",
            "id",
            "title",
            "price");

    /** Money that changed hands: shown only for an action that was done, never a sum asked for or allowed. */
    private static final Set<String> PAID = Set.of("amount", "refund_amount");

    private VisitorView() {}

    static Map<String, Object> details(ActionTaken.Status status, Map<String, Object> details) {
        Map<String, Object> told = new LinkedHashMap<>();
        details.forEach((name, value) -> {
            if (TOLD.contains(name) || (PAID.contains(name) && status == ActionTaken.Status.EXECUTED)) {
                told.put(name, value);
            }
        });
        return told;
    }

    static ActionTaken action(ActionTaken action) {
        return new ActionTaken(
                action.type(), action.tool(), action.status(), details(action.status(), action.details()));
    }

    static MessageAnalysis analysis(MessageAnalysis analysis) {
        return analysis == null ? null : analysis.forVisitor();
    }
}
