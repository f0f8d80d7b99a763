package dev.parley.assistant.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.knowledge.TextEmbeddings;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeddings remembered by text, so retraining a workspace's intents embeds only its new examples, not the
 * built-in ones again.
 */
final class CachingEmbeddings implements TextEmbeddings {

    private final TextEmbeddings embeddings;
    private final Cache<String, float[]> cache =
            Caffeine.newBuilder().maximumSize(50_000).build();

    CachingEmbeddings(TextEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    /** Forgets every remembered text, so no customer's words outlive their erasure here. */
    void forgetAll() {
        cache.invalidateAll();
    }

    @Override
    public int dimensions() {
        return embeddings.dimensions();
    }

    @Override
    public float[] embed(String text) {
        return cache.get(text, embeddings::embed);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<String> missing = texts.stream()
                .filter(t -> cache.getIfPresent(t) == null)
                .distinct()
                .toList();
        if (!missing.isEmpty()) {
            List<float[]> vectors = embeddings.embedAll(missing);
            for (int i = 0; i < missing.size(); i++) {
                cache.put(missing.get(i), vectors.get(i));
            }
        }
        List<float[]> all = new ArrayList<>(texts.size());
        for (String text : texts) {
            all.add(cache.get(text, embeddings::embed));
        }
        return all;
    }
}
