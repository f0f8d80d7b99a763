/**
 * Knowledge owns what the assistant knows about a store: articles, training data, crawled pages and imported
 * documents, their chunks and embeddings, and the hybrid (BM25 + vector) search over them, per workspace and mode.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Knowledge",
        allowedDependencies = {"platform", "tenancy"})
package dev.parley.knowledge;
