package dev.parley.knowledge;

import dev.parley.knowledge.internal.RetrievalEvaluation;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * The knowledge module's offline evaluation, for {@code ./parley eval retrieval --corpus c.jsonl --queries q.jsonl}:
 * the search's ranking of a labelled corpus, run without a server. It prints its figures to {@code out} (the last line
 * one JSON object) and returns the exit status.
 */
public final class Evaluations {

    private Evaluations() {}

    /** Runs the evaluation named {@code what}: {@code retrieval}. */
    public static int run(String what, List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (!what.equals("retrieval")) {
            throw new IllegalArgumentException(what);
        }
        return RetrievalEvaluation.run(args, out, err);
    }
}
