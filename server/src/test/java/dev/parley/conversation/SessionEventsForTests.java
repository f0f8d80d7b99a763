package dev.parley.conversation;

import dev.parley.conversation.ConversationEvents.SessionEnded;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test-only (test sources, never shipped): records the sessions that ended. */
@Component
class SessionEventsForTests {

    static final List<SessionEnded> ended = new CopyOnWriteArrayList<>();

    @EventListener
    void on(SessionEnded event) {
        ended.add(event);
    }
}
