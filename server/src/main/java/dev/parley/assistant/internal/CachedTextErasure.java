package dev.parley.assistant.internal;

import dev.parley.platform.CustomerErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The assistant remembers embeddings by the text embedded, customers' messages among them: an erasure empties that
 * memory on this node (it refills from the next messages; other nodes' copies age out by size).
 */
@Component
class CachedTextErasure {

    private final Understanding understanding;

    CachedTextErasure(Understanding understanding) {
        this.understanding = understanding;
    }

    @EventListener
    void on(CustomerErased erased) {
        understanding.forgetCachedText();
    }
}
