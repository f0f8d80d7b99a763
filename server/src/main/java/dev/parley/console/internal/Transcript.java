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
     * @param seq the order the database wrote it in: things that share an instant (an agent takes the conversation
     *     and replies in one transaction) are told in that order
     * @param order a message's actions follow it, as the message caused them
     */
    public record Line(ConversationDesk.Entry entry, String text, Instant at, long seq, int order) {

        public boolean activity() {
            return entry == null;
        }
    }

    /** Lines by time at full precision, then by the order they were written, then actions after their message. */
    static final Comparator<Line> TOLD =
            Comparator.comparing(Line::at).thenComparingLong(Line::seq).thenComparingInt(Line::order);

    static List<Line> lines(ConversationDesk.Detail detail, Map<String, String> agentNames, ConsoleWords words) {
        List<Line> lines = new ArrayList<>();
        int order = 0;
        for (ConversationDesk.Entry entry : detail.entries()) {
            if (entry.role() == MessageRole.SYSTEM) {
                lines.add(new Line(null, entry.content(), entry.createdAt(), entry.seq(), order++));
                continue;
            }
            lines.add(new Line(entry, null, entry.createdAt(), entry.seq(), order++));
            for (String action : words.actions(entry.actions())) {
                lines.add(new Line(null, action, entry.createdAt(), entry.seq(), order++));
            }
        }
        List<ConversationDesk.Assignment> holds = detail.assignments();
        for (int i = 0; i < holds.size(); i++) {
            ConversationDesk.Assignment held = holds.get(i);
            String name = agentNames.getOrDefault(held.agentId(), "an agent");
            lines.add(new Line(null, "Assigned to " + name, held.assignedAt(), held.assignedSeq(), order++));
            if (held.resolvedAt() != null) {
                lines.add(new Line(
                        null, name + " resolved the conversation", held.resolvedAt(), held.endedSeq(), order++));
            } else if (unassigned(held, i == holds.size() - 1 ? null : holds.get(i + 1), detail.conversation())) {
                lines.add(new Line(null, name + " was unassigned", held.endedAt(), held.endedSeq(), order++));
            }
        }
        lines.sort(TOLD);
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
