package dev.parley.assistant;

import java.util.List;

/**
 * The agent's copilot: a reply the assistant would give to the conversation so far, for an agent to edit and send.
 * A draft is never sent, recorded or acted on: it reads knowledge and, where the conversation has verified the
 * customer, their order, but it calls no tool that changes anything and publishes nothing.
 */
public interface Copilot {

    /**
     * @param request the customer's last message as {@code message}, what was said before it as {@code history}, and
     *     the conversation's memory as {@code memory}
     */
    Draft draft(TurnRequest request);

    /**
     * @param sources the knowledge passages and orders the draft rests on, best first
     */
    record Draft(String reply, List<Citation> sources) {

        public Draft {
            sources = List.copyOf(sources);
        }
    }
}
