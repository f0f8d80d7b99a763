package dev.parley.knowledge.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantized), run in process by ONNX Runtime from the model inside its Maven artifact: no network,
 * no key. Query embeddings are cached, since shoppers ask the same things.
 */
public final class MiniLmEmbedder implements Embedder {

    private static final int BATCH = 32;

    private final AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    private final Cache<String, float[]> cache =
            Caffeine.newBuilder().maximumSize(20_000).build();

    @Override
    public int dimensions() {
        return 384;
    }

    @Override
    public float[] embed(String text) {
        return cache.get(text, t -> {
            try {
                return Embedder.normalize(model.embed(t).content().vector());
            } catch (IllegalArgumentException nothingToEmbed) {
                // Text of controls, spaces or characters the tokenizer drops means nothing: it is like nothing.
                return new float[dimensions()];
            }
        });
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + BATCH));
            try {
                List<TextSegment> segments =
                        batch.stream().map(TextSegment::from).toList();
                for (Embedding embedding : model.embedAll(segments).content()) {
                    vectors.add(Embedder.normalize(embedding.vector()));
                }
            } catch (IllegalArgumentException nothingToEmbed) {
                batch.forEach(text -> vectors.add(embed(text)));
            }
        }
        return vectors;
    }
}
