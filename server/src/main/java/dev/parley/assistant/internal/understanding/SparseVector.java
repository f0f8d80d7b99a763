package dev.parley.assistant.internal.understanding;

/** Feature values at sorted, distinct indices. */
record SparseVector(int[] indices, float[] values) {

    int size() {
        return indices.length;
    }
}
