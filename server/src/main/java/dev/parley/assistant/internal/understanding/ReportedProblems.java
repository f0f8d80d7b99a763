package dev.parley.assistant.internal.understanding;

import java.util.Optional;

/** The assistant's reading of a reported problem, which the store tools share: {@link dev.parley.assistant.ReportedProblems}. */
public final class ReportedProblems {

    private ReportedProblems() {}

    public static Optional<String> in(String message) {
        return dev.parley.assistant.ReportedProblems.in(message);
    }
}
