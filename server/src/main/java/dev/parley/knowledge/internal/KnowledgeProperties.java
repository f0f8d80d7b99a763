package dev.parley.knowledge.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the knowledge module ({@code parley.knowledge.*}).
 *
 * @param indexPath where this node keeps its search index; {@code memory} for an index in memory (tests)
 * @param syncInterval how often the node applies knowledge written by other nodes
 * @param maxBatch the largest training batch accepted in one request
 * @param crawlDelay the pause between two requests of a crawl to the same site (robots.txt may ask for more)
 * @param maxCrawlPages the most pages one crawl may read
 * @param maxDocumentSize the largest document accepted for import; larger ones get 413
 * @param embeddingThreads how many embedding inferences run at once, each on its own platform thread; 0 for one per
 *     core
 * @param embeddingIntraOpThreads how many threads ONNX Runtime gives one inference (1: the worker's own)
 * @param embeddingWait how long an answer waits for a free embedding thread before it is refused with 503 and
 *     {@code Retry-After}
 */
@ConfigurationProperties("parley.knowledge")
record KnowledgeProperties(
        String indexPath,
        @DefaultValue("1s") Duration syncInterval,
        @DefaultValue("1000") int maxBatch,
        @DefaultValue("500ms") Duration crawlDelay,
        @DefaultValue("1000") int maxCrawlPages,
        @DefaultValue("20MB") DataSize maxDocumentSize,
        @DefaultValue("0") int embeddingThreads,
        @DefaultValue("1") int embeddingIntraOpThreads,
        @DefaultValue("2s") Duration embeddingWait) {}
