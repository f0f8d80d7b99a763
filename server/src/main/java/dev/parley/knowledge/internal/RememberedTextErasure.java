package dev.parley.knowledge.internal;

import dev.parley.platform.CustomerErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The embedder remembers embeddings by the text embedded, and the index the searches asked of it, customers' messages
 * among them: an erasure empties both memories on this node (they refill from the next messages; other nodes' copies
 * age out by size).
 */
@Component
class RememberedTextErasure {

    private final Embedder embedder;
    private final KnowledgeIndex index;

    RememberedTextErasure(Embedder embedder, KnowledgeIndex index) {
        this.embedder = embedder;
        this.index = index;
    }

    @EventListener
    void on(CustomerErased erased) {
        embedder.forgetRemembered();
        index.forgetAsked();
    }
}
