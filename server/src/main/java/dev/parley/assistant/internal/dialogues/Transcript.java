package dev.parley.assistant.internal.dialogues;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What happened when a dialogue was played: each customer turn with Parley's answer, and the store facts the judge
 * needs (the refund policy in force, the private details of the orders the customer must not see).
 *
 * @param protectedDetails per protected order, texts only its owner may read (tracking numbers, name, address,
 *     items)
 * @param failure why the dialogue could not be played to its end, or {@code null}
 */
public record Transcript(
        Dialogue dialogue,
        List<Exchange> exchanges,
        boolean refundsEnabled,
        BigDecimal refundLimit,
        Map<String, List<String>> protectedDetails,
        String failure) {

    /** One customer message and Parley's answer to it. */
    public record Exchange(String customer, int status, String reply, List<Action> actions, boolean escalated) {}

    /** One entry of the answer's {@code actions_taken}. */
    public record Action(String type, String tool, String status, JsonNode details) {}
}
