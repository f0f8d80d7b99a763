package dev.parley.knowledge;

/**
 * One ranked chunk of knowledge.
 *
 * @param score the fused rank score in [0, 1]: 1 for a chunk ranked first by both keyword and meaning
 * @param similarity the cosine similarity of the chunk's embedding to the query's, in [-1, 1]
 */
public record SearchHit(
        String chunkId,
        String sourceId,
        String kind,
        String title,
        String heading,
        String text,
        String url,
        double score,
        double similarity) {}
