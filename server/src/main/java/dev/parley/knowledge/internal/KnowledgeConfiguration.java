package dev.parley.knowledge.internal;

import dev.parley.platform.BodyLimit;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the embedding model, this node's search index and the body limit of document imports. */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddingWorkers embeddingWorkers(KnowledgeProperties properties) {
        int threads = properties.embeddingThreads() > 0
                ? properties.embeddingThreads()
                : Runtime.getRuntime().availableProcessors();
        return new EmbeddingWorkers(threads, properties.embeddingWait());
    }

    @Bean
    Embedder embedder(EmbeddingWorkers workers, KnowledgeProperties properties) {
        return new MiniLmEmbedder(workers, properties.embeddingIntraOpThreads());
    }

    @Bean(destroyMethod = "close")
    KnowledgeIndex knowledgeIndex(KnowledgeProperties properties, Environment environment) {
        String path = properties.indexPath();
        if ("memory".equals(path)) {
            return KnowledgeIndex.inMemory();
        }
        Path directory = path == null || path.isBlank()
                ? Path.of(environment.getProperty("parley.data-dir", "./data"), "index", "knowledge")
                : Path.of(path);
        return KnowledgeIndex.open(directory);
    }

    @Bean
    BodyLimit documentBodyLimit(KnowledgeProperties properties) {
        return new BodyLimit(DocumentController.PATH, properties.maxDocumentSize());
    }
}
