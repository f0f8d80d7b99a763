package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.parley.platform.CustomerErased;
import dev.parley.platform.Mode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session configured for few cores embeds exactly as langchain4j's default session of the same model. */
class MiniLmEmbedderTests {

    final EmbeddingWorkers workers = new EmbeddingWorkers(2, Duration.ofSeconds(30));

    @AfterEach
    void close() {
        workers.close();
    }

    @Test
    void embedsAsTheDefaultSessionDoesWithOneThreadPerInference() {
        // given
        MiniLmEmbedder embedder = new MiniLmEmbedder(workers, 1);
        AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        List<String> texts = List.of(
                "Where is my order?",
                "Standard shipping takes 3 to 5 business days.",
                "Can I return boots I wore once?");

        // when
        float[] one = embedder.embed(texts.getFirst());
        List<float[]> all = embedder.embedAll(texts);

        // then
        assertThat(cosine(
                        one,
                        Embedder.normalize(
                                reference.embed(texts.getFirst()).content().vector())))
                .isGreaterThan(0.9999);
        for (int i = 0; i < texts.size(); i++) {
            float[] expected =
                    Embedder.normalize(reference.embed(texts.get(i)).content().vector());
            assertThat(cosine(all.get(i), expected)).as(texts.get(i)).isGreaterThan(0.9999);
        }
        assertThat(cosine(all.get(0), all.get(1))).isLessThan(0.9);
    }

    @Test
    void textWithNothingToEmbedIsTheZeroVector() {
        // given
        MiniLmEmbedder embedder = new MiniLmEmbedder(workers, 1);

        // when
        float[] nothing = embedder.embed("\u0000\u0001");
        List<float[]> some = embedder.embedAll(List.of("\u0000", "Where is my order?"));

        // then
        assertThat(nothing).containsOnly(0f).hasSize(384);
        assertThat(some.get(0)).containsOnly(0f);
        assertThat(cosine(some.get(1), some.get(1))).isGreaterThan(0.999);
    }

    @Test
    void aTextEmbeddedToAnswerIsEmbeddedOnceWhicheverWayItIsAskedForUntilAnErasure() {
        // given
        MiniLmEmbedder embedder = new MiniLmEmbedder(workers, 1);

        // when: the understanding embeds a message among others, then the knowledge search embeds it alone
        List<float[]> understood = embedder.embedAll(List.of("Where is my order?", "Hello", "Where is my order?"));
        float[] searched = embedder.embed("Where is my order?");
        long afterAnswering = embedder.inferences();
        new RememberedTextErasure(embedder, KnowledgeIndex.inMemory())
                .on(new CustomerErased(
                        "era_1",
                        "ws_1",
                        Mode.LIVE,
                        CustomerErased.Trigger.REQUEST,
                        "ct_1",
                        "maria@example.com",
                        List.of(),
                        List.of(),
                        new CustomerErased.Tally()));
        float[] again = embedder.embed("Where is my order?");

        // then
        assertThat(afterAnswering).isEqualTo(2);
        assertThat(searched).isSameAs(understood.get(0)).isSameAs(understood.get(2));
        assertThat(embedder.inferences()).isEqualTo(3);
        assertThat(again).isNotSameAs(searched).containsExactly(searched);
    }

    @Test
    void indexedChunksAreNotRemembered() {
        // given
        MiniLmEmbedder embedder = new MiniLmEmbedder(workers, 1);

        // when
        List<float[]> indexed = embedder.embedAllForIndex(List.of("Standard shipping takes 3 to 5 business days."));
        float[] asked = embedder.embed("Standard shipping takes 3 to 5 business days.");

        // then
        assertThat(embedder.inferences()).isEqualTo(2);
        assertThat(asked).containsExactly(indexed.getFirst());
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
