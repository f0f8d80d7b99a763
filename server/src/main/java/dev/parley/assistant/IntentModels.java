package dev.parley.assistant;

import dev.parley.assistant.internal.understanding.BuiltInIntents;
import dev.parley.assistant.internal.understanding.IntentClassifier;
import dev.parley.assistant.internal.understanding.LabelledCsv;
import dev.parley.assistant.internal.understanding.LabelledText;
import dev.parley.knowledge.TextEmbeddings;
import java.nio.file.Path;
import java.util.List;

/**
 * The intent classifier outside the application, for comparing representations of a message (the embeddings
 * benchmark): trained on labelled examples over a given embedding, with or without the hashed n-grams it adds.
 */
public final class IntentModels {

    /** A message and its intent. */
    public record Example(String text, String label) {}

    /** A trained classifier; below its threshold it answers {@code out_of_scope}. */
    public interface Model {
        String predict(String text);

        List<String> predictAll(List<String> texts);
    }

    /** The out-of-scope threshold of the built-in intents. */
    public static final double BUILT_IN_THRESHOLD = BuiltInIntents.THRESHOLD;

    /** The out-of-scope threshold of a workspace's own intents. */
    public static final double DEFAULT_THRESHOLD = IntentClassifier.DEFAULT_THRESHOLD;

    private IntentModels() {}

    /** The examples the built-in intents are trained on. */
    public static List<Example> builtInExamples() {
        return examples(BuiltInIntents.examples());
    }

    /** A CSV whose header names {@code text} and {@code label}. */
    public static List<Example> read(Path csv) {
        return examples(LabelledCsv.read(csv));
    }

    /** Trains as the server does; without {@code ngrams} the embedding alone represents a message. */
    public static Model train(List<Example> examples, TextEmbeddings embeddings, boolean ngrams, double threshold) {
        IntentClassifier.Settings d = IntentClassifier.Settings.DEFAULT;
        IntentClassifier.Settings settings = ngrams
                ? d
                : new IntentClassifier.Settings(d.hashBits(), 1.0, 0.0, 0.0, d.epochs(), d.learningRate(), d.l2());
        IntentClassifier classifier = IntentClassifier.train(
                        examples.stream()
                                .map(e -> new LabelledText(e.text(), e.label()))
                                .toList(),
                        embeddings,
                        settings)
                .withThreshold(threshold);
        return new Model() {
            @Override
            public String predict(String text) {
                return classifier.predict(text).label();
            }

            @Override
            public List<String> predictAll(List<String> texts) {
                return classifier.predictAll(texts).stream()
                        .map(IntentClassifier.Prediction::label)
                        .toList();
            }
        };
    }

    private static List<Example> examples(List<LabelledText> rows) {
        return rows.stream().map(r -> new Example(r.text(), r.label())).toList();
    }
}
