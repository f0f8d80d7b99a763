package dev.parley.knowledge.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/** A chunk as the database keeps it, with its embedding. */
record StoredChunk(String id, String sourceId, int ordinal, String heading, String text, float[] vector) {

    static String encode(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            bytes.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    static float[] decode(String text) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(text)).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[bytes.remaining() / 4];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = bytes.getFloat();
        }
        return vector;
    }
}
