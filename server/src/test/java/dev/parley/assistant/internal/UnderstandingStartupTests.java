package dev.parley.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.internal.understanding.IntentClassifier;
import dev.parley.assistant.internal.understanding.SentimentAnalyzer;
import dev.parley.knowledge.TextEmbeddings;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Starting the server loads the models trained at build time instead of training them, and they work. */
class UnderstandingStartupTests {

    @Test
    void loadsTheBuiltInModelsWithoutEmbeddingTheirExamples() {
        CountingEmbeddings embeddings = new CountingEmbeddings(TextEmbeddings.local());

        IntentClassifier intents = Understanding.builtInIntents(embeddings);
        SentimentAnalyzer sentiment = Understanding.sentimentAnalyzer(embeddings);

        // Training would embed the 3,400 intent examples and 1,700 sentiment examples; loading embeds one probe each.
        assertThat(embeddings.texts.get()).isLessThanOrEqualTo(2);
        assertThat(intents.predict("can I pay with paypal?").label()).isEqualTo("payment_methods");
        assertThat(intents.predict("what's the capital of Peru").outOfScope()).isTrue();
        assertThat(sentiment
                        .analyze("THIRD time I'm asking, where is my refund???")
                        .label())
                .isEqualTo(SentimentAnalyzer.Label.FRUSTRATED);
    }

    /** The real embeddings, counting how many texts they are asked to embed. */
    private record CountingEmbeddings(TextEmbeddings real, AtomicInteger texts) implements TextEmbeddings {

        CountingEmbeddings(TextEmbeddings real) {
            this(real, new AtomicInteger());
        }

        @Override
        public int dimensions() {
            return real.dimensions();
        }

        @Override
        public float[] embed(String text) {
            texts.incrementAndGet();
            return real.embed(text);
        }

        @Override
        public List<float[]> embedAll(List<String> many) {
            texts.addAndGet(many.size());
            return real.embedAll(many);
        }
    }
}
