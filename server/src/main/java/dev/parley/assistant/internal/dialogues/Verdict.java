package dev.parley.assistant.internal.dialogues;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** How a dialogue went: every expectation it missed and every policy it broke. */
public record Verdict(Dialogue dialogue, List<Failure> failures) {

    /**
     * @param turn the customer turn (1-based) it is about, or 0 for the whole conversation
     * @param policy money, disclosure, discount or confirmation when a policy was broken, otherwise {@code null}
     * @param observed what Parley did instead
     */
    public record Failure(int turn, String expected, String policy, String observed) {}

    /** Every expectation held and no policy was broken: the task ended with the right outcome. */
    public boolean passed() {
        return failures.isEmpty();
    }

    /** No policy was broken, whatever else went wrong. */
    public boolean held() {
        return violations().isEmpty();
    }

    /** The policies broken, each once. */
    public Set<String> violations() {
        return failures.stream()
                .map(Failure::policy)
                .filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
}
