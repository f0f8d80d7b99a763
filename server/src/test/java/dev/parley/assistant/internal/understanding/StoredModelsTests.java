package dev.parley.assistant.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.knowledge.TextEmbeddings;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StoredModelsTests {

    static TextEmbeddings embeddings;
    static IntentClassifier trained;
    static final List<String> MESSAGES = List.of(
            "has order 98765 been dispatched?",
            "these trousers are too big, I want to send them back",
            "what year did the Roman empire fall?",
            "I can't sign in");

    @BeforeAll
    static void train() {
        embeddings = TextEmbeddings.local();
        trained = IntentClassifier.train(IntentExamples.all(), embeddings);
    }

    @Test
    void aStoredClassifierPredictsExactlyAsTheTrainedOne() {
        byte[] stored = StoredModels.write("k", embeddings, trained::write);

        IntentClassifier read = StoredModels.read(
                        new ByteArrayInputStream(stored), "k", embeddings, IntentClassifier::read)
                .orElseThrow();

        assertThat(read.labels()).isEqualTo(trained.labels());
        for (String message : MESSAGES) {
            IntentClassifier.Prediction expected = trained.predict(message);
            IntentClassifier.Prediction actual = read.predict(message);
            assertThat(actual.label()).isEqualTo(expected.label());
            assertThat(actual.alternatives()).isEqualTo(expected.alternatives());
        }
    }

    @Test
    void aModelStoredForOtherInputsOrAnotherEmbeddingIsNotUsed() {
        byte[] stored = StoredModels.write("examples-1", embeddings, trained::write);

        assertThat(StoredModels.read(
                        new ByteArrayInputStream(stored), "examples-2", embeddings, IntentClassifier::read))
                .isEmpty();
        assertThat(StoredModels.read(
                        new ByteArrayInputStream(stored),
                        "examples-1",
                        new ReversedEmbeddings(embeddings),
                        IntentClassifier::read))
                .isEmpty();
        assertThat(StoredModels.read(
                        new ByteArrayInputStream(new byte[] {1, 2, 3}),
                        "examples-1",
                        embeddings,
                        IntentClassifier::read))
                .isEmpty();
    }

    @Test
    void theKeyChangesWithTheExamplesAndSettings() {
        List<LabelledText> examples = IntentExamples.all();
        String key = StoredModels.key("intents", IntentClassifier.Settings.DEFAULT, examples);

        assertThat(StoredModels.key("intents", IntentClassifier.Settings.DEFAULT, examples))
                .isEqualTo(key);
        assertThat(StoredModels.key("intents", IntentClassifier.Settings.DEFAULT, examples.subList(1, examples.size())))
                .isNotEqualTo(key);
        IntentClassifier.Settings d = IntentClassifier.Settings.DEFAULT;
        assertThat(StoredModels.key(
                        "intents",
                        new IntentClassifier.Settings(
                                d.hashBits(),
                                d.embeddingWeight(),
                                d.wordWeight(),
                                d.charWeight(),
                                d.epochs() + 1,
                                d.learningRate(),
                                d.l2()),
                        examples))
                .isNotEqualTo(key);
        assertThat(StoredModels.key(
                        "intents",
                        new IntentClassifier.Settings(
                                d.hashBits(),
                                d.embeddingWeight(),
                                d.wordWeight(),
                                d.charWeight() + 0.1,
                                d.epochs(),
                                d.learningRate(),
                                d.l2()),
                        examples))
                .isNotEqualTo(key);
    }

    @Test
    void theBuildShipsModelsTrainedFromTheExamplesInTheJar() {
        IntentClassifier intents = StoredModels.builtInIntents(embeddings).orElseThrow();
        SentimentAnalyzer sentiment = StoredModels.builtInSentiment(embeddings).orElseThrow();

        assertThat(intents.withThreshold(BuiltInIntents.THRESHOLD)
                        .predict("where is my order 10045, it still hasn't shipped")
                        .label())
                .isEqualTo("order_status");
        assertThat(sentiment
                        .analyze("Thank you so much, everything works perfectly now!")
                        .label())
                .isEqualTo(SentimentAnalyzer.Label.POSITIVE);
    }

    @Test
    void aStoredSentimentAnalyzerScoresExactlyAsTheTrainedOne() {
        SentimentAnalyzer analyzer = SentimentAnalyzer.train(SentimentAnalyzer.handWrittenExamples(), embeddings);
        byte[] stored = StoredModels.write("s", embeddings, analyzer::write);

        SentimentAnalyzer read = StoredModels.read(
                        new ByteArrayInputStream(stored), "s", embeddings, SentimentAnalyzer::read)
                .orElseThrow();

        for (String message :
                List.of("Thanks, brilliant service!", "Where is my parcel?", "THIRD time I'm asking!!!")) {
            assertThat(read.analyze(message)).isEqualTo(analyzer.analyze(message));
        }
    }

    /** The same model's vectors, reversed: another embedding of the same size, so a stored model must not fit. */
    private record ReversedEmbeddings(TextEmbeddings real) implements TextEmbeddings {

        @Override
        public int dimensions() {
            return real.dimensions();
        }

        @Override
        public float[] embed(String text) {
            float[] vector = real.embed(text);
            float[] reversed = new float[vector.length];
            for (int i = 0; i < vector.length; i++) {
                reversed[i] = vector[vector.length - 1 - i];
            }
            return reversed;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(this::embed).toList();
        }
    }
}
