package dev.parley.assistant.internal;

import dev.parley.platform.CustomerErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The understanding remembers what it read of each message text, customers' emails and order numbers among the
 * entities it found: an erasure empties that memory on this node (it refills from the next messages; other nodes'
 * copies age out within minutes).
 */
@Component
class UnderstoodTextErasure {

    private final Understanding understanding;

    UnderstoodTextErasure(Understanding understanding) {
        this.understanding = understanding;
    }

    @EventListener
    void on(CustomerErased erased) {
        understanding.forgetUnderstood();
    }
}
