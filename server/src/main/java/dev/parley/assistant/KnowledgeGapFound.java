package dev.parley.assistant;

import dev.parley.platform.Mode;

/** The assistant could not answer from the store's knowledge: a content gap for analytics (seed 000). */
public record KnowledgeGapFound(
        String workspaceId, Mode mode, String conversationId, String query, double confidence) {}
