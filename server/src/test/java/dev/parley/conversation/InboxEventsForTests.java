package dev.parley.conversation;

import dev.parley.platform.PublicEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Test-only (test sources, never shipped): every published fact, recorded only once its transaction committed, so a
 * test can tell a fact published once from one published twice or from one whose write was rolled back.
 */
@Component
class InboxEventsForTests {

    static final List<PublicEvent> committed = new CopyOnWriteArrayList<>();

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PublicEvent event) {
        committed.add(event);
    }

    /** The committed facts of one conversation, by catalogue type, in order. */
    static List<String> typesOf(String conversationId) {
        return committed.stream()
                .filter(e -> conversationId.equals(e.orderingKey()))
                .map(PublicEvent::wireName)
                .toList();
    }

    static List<PublicEvent> of(String conversationId, String type) {
        return committed.stream()
                .filter(e ->
                        conversationId.equals(e.orderingKey()) && e.wireName().equals(type))
                .toList();
    }
}
