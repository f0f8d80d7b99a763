package dev.parley.knowledge.internal;

import dev.parley.platform.CustomerErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The embedder remembers embeddings by the text embedded, customers' messages among them: an erasure empties that
 * memory on this node (it refills from the next messages; other nodes' copies age out by size).
 */
@Component
class RememberedTextErasure {

    private final Embedder embedder;

    RememberedTextErasure(Embedder embedder) {
        this.embedder = embedder;
    }

    @EventListener
    void on(CustomerErased erased) {
        embedder.forgetRemembered();
    }
}
