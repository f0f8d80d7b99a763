package dev.parley.assistant;

/** Knowledge an answer rests on, as the customer and the store see it. */
public record Citation(String sourceId, String chunkId, String title, String url, double score) {}
