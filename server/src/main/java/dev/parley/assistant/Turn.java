package dev.parley.assistant;

import java.util.List;
import java.util.Map;

/**
 * The assistant's reply and everything behind it.
 *
 * @param escalation a handoff to humans the conversation should make, or {@code null}
 * @param memory the conversation's memory after this turn
 * @param timings milliseconds per stage: understand, decide, act, retrieve, answer, total
 * @param model the model that wrote the reply, or {@code offline} (also when a configured model failed)
 * @param tokensUsed the tokens the model spent on this turn, 0 offline
 * @param knowledgeGap the content gap the turn found (it admitted it does not know), or {@code null}. The turn does
 *     not publish it: whoever stores the turn does, in the transaction that stores its messages, so that a turn
 *     never stored reports no gap
 */
public record Turn(
        String reply,
        Analysis analysis,
        List<ActionTaken> actions,
        List<Citation> sources,
        Escalation escalation,
        ConversationMemory memory,
        Map<String, Double> timings,
        String model,
        int tokensUsed,
        KnowledgeGapFound knowledgeGap) {

    /**
     * What the assistant understood.
     *
     * @param otherIntents the other intents the message asks besides {@code intent}, in the order asked (empty for a
     *     message asking one thing)
     * @param confidence how sure it is of its reply, in [0, 1]: understanding and retrieval (and a model's
     *     grounding) together
     */
    public record Analysis(
            String intent,
            double intentConfidence,
            List<String> otherIntents,
            String sentiment,
            double sentimentScore,
            double confidence,
            String language,
            List<DetectedEntity> entities) {}

    public record DetectedEntity(String type, String text, String value) {}

    /**
     * @param reason customer_request, frustrated, low_confidence, policy (a tool refused and asked for a human),
     *     assistant_request (the model handed over through the handoff tool)
     */
    public record Escalation(String reason, String priority, String detail) {}
}
