package dev.parley.assistant.internal.understanding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The assistant's built-in commerce intents: the examples shipped in the jar, and the one way they are split to
 * choose the out-of-scope threshold (a fifth held out by hash of the text), shared by the server and the evaluation.
 */
public final class BuiltInIntents {

    /** Examples to train on and examples to choose the threshold on. */
    public record Split(List<LabelledText> train, List<LabelledText> validation) {}

    private BuiltInIntents() {}

    public static List<LabelledText> examples() {
        List<LabelledText> examples = new ArrayList<>(read("/assistant/intents/builtin-train.csv"));
        examples.addAll(read("/assistant/intents/builtin-oos.csv"));
        return examples;
    }

    public static Split split() {
        List<LabelledText> train = new ArrayList<>();
        List<LabelledText> validation = new ArrayList<>();
        for (LabelledText example : examples()) {
            (Math.floorMod(example.text().hashCode(), 5) == 0 ? validation : train).add(example);
        }
        return new Split(List.copyOf(train), List.copyOf(validation));
    }

    private static List<LabelledText> read(String resource) {
        try (InputStream in = BuiltInIntents.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return LabelledCsv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
