package dev.parley.knowledge;

import dev.parley.knowledge.internal.MiniLmEmbedder;
import java.util.List;

/**
 * Sentence embeddings as the knowledge module computes them (all-MiniLM-L6-v2, in process): unit-length vectors whose
 * dot product measures likeness of meaning. Other modules use them as features, e.g. for intents and sentiment.
 */
public interface TextEmbeddings {

    int dimensions();

    float[] embed(String text);

    /** Embeds in batches, which is several times faster than one text at a time. */
    List<float[]> embedAll(List<String> texts);

    /** A new in-process embedder, for use outside the application context (evaluations, tests). */
    static TextEmbeddings local() {
        return new MiniLmEmbedder();
    }
}
