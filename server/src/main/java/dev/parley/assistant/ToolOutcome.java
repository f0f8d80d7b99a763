package dev.parley.assistant;

import java.util.List;
import java.util.Map;

/** What a tool did: done, refused by policy, or waiting for something only the customer can give. */
public sealed interface ToolOutcome {

    /**
     * @param actionType the action recorded in {@code actions_taken}, e.g. {@code refund_processed}
     * @param answer what the assistant can tell the customer about it
     * @param sources knowledge the answer rests on, for citations
     * @param factsLearned facts for the conversation's memory, e.g. the order number looked up
     */
    record Done(
            String actionType,
            String answer,
            Map<String, Object> details,
            List<Citation> sources,
            Map<String, String> factsLearned)
            implements ToolOutcome {}

    /** The policy said no; {@code reason} is a short code, {@code message} what the customer is told. */
    record Refused(String reason, String message, Map<String, Object> details, boolean escalate)
            implements ToolOutcome {}

    /** The tool needs something from the customer first, e.g. the email on the order. */
    record NeedsInfo(String field, String question) implements ToolOutcome {}
}
