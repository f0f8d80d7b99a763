package dev.parley.assistant;

import dev.parley.assistant.internal.dialogues.DialogueEvaluation;
import dev.parley.assistant.internal.understanding.UnderstandingEvaluation;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The assistant's offline evaluations, for {@code ./parley eval}: {@code intents}, {@code sentiment}, {@code calibrate}
 * and {@code prepare} run without a server; {@code dialogues} plays scripted conversations against a Parley the
 * caller starts. Each prints its figures to {@code out} (the last line one JSON object) and returns the exit status.
 */
public final class Evaluations {

    /** A Parley to play dialogues against. */
    public interface Target extends AutoCloseable {
        URI base();

        String adminKey();

        @Override
        void close();
    }

    /** Starts a Parley of its own for the evaluation, given extra application properties. */
    public interface Starter {
        Target start(Map<String, String> properties) throws Exception;
    }

    private Evaluations() {}

    /** Runs the evaluation named {@code what}: {@code intents}, {@code sentiment}, {@code calibrate}, {@code prepare} or
     * {@code dialogues}. */
    public static int run(String what, List<String> args, Starter starter, PrintStream out, PrintStream err)
            throws Exception {
        return what.equals("dialogues")
                ? DialogueEvaluation.run(args, starter, out, err)
                : UnderstandingEvaluation.run(what, args, out, err);
    }
}
