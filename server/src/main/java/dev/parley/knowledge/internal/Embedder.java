package dev.parley.knowledge.internal;

import java.util.List;

/** Turns text into unit-length vectors whose dot product measures likeness of meaning. */
public interface Embedder extends dev.parley.knowledge.TextEmbeddings {

    int dimensions();

    float[] embed(String text);

    List<float[]> embedAll(List<String> texts);

    /**
     * As {@link #embedAll}, for indexing: it waits for the model however long others keep it busy, where an answer
     * would rather be refused than wait.
     */
    default List<float[]> embedAllForIndex(List<String> texts) {
        return embedAll(texts);
    }

    /** Forgets the texts it remembers having embedded, if it remembers any. */
    default void forgetRemembered() {}

    /** Scales a vector to unit length, so dot product and cosine agree. */
    static float[] normalize(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return vector;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
