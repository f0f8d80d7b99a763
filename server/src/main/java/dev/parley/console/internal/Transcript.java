package dev.parley.console.internal;

import dev.parley.conversation.ConversationDesk;
import dev.parley.conversation.MessageRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A conversation as the agent reads it: message bubbles and, between them, activity lines written for people. */
public final class Transcript {

    private Transcript() {}

    /**
     * @param entry the message of a bubble, or {@code null} for an activity line
     * @param text an activity line's sentence
     * @param order ties at the same instant keep messages before what they caused
     */
    public record Line(ConversationDesk.Entry entry, String text, Instant at, int order) {

        public boolean activity() {
            return entry == null;
        }
    }

    static List<Line> lines(ConversationDesk.Detail detail, Map<String, String> agentNames, ConsoleWords words) {
        List<Line> lines = new ArrayList<>();
        int order = 0;
        for (ConversationDesk.Entry entry : detail.entries()) {
            if (entry.role() == MessageRole.SYSTEM) {
                lines.add(new Line(null, entry.content(), entry.createdAt(), order++));
                continue;
            }
            lines.add(new Line(entry, null, entry.createdAt(), order++));
            for (String action : words.actions(entry.actions())) {
                lines.add(new Line(null, action, entry.createdAt(), order++));
            }
        }
        List<ConversationDesk.Assignment> holds = detail.assignments();
        for (int i = 0; i < holds.size(); i++) {
            ConversationDesk.Assignment held = holds.get(i);
            String name = agentNames.getOrDefault(held.agentId(), "an agent");
            lines.add(new Line(null, "Assigned to " + name, held.assignedAt(), order++));
            if (held.resolvedAt() != null) {
                lines.add(new Line(null, name + " resolved the conversation", held.resolvedAt(), order++));
            } else if (unassigned(held, i == holds.size() - 1 ? null : holds.get(i + 1), detail.conversation())) {
                lines.add(new Line(null, name + " was unassigned", held.endedAt(), order++));
            }
        }
        lines.sort(Comparator.comparing(Line::at).thenComparingInt(Line::order));
        return lines;
    }

    /**
     * Whether a hold ended because someone took the conversation off the agent: not when the next hold began at that
     * moment (a reassignment says "Assigned to" already), nor when the agent still has it (closing ends the hold).
     */
    private static boolean unassigned(
            ConversationDesk.Assignment held, ConversationDesk.Assignment next, ConversationDesk.Item conversation) {
        if (held.endedAt() == null) {
            return false;
        }
        if (next != null) {
            return !next.assignedAt().equals(held.endedAt());
        }
        return !held.agentId().equals(conversation.assignedTo());
    }
}
