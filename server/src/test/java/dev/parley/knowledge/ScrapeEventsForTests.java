package dev.parley.knowledge;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test-only (test sources, never shipped): records the {@link ScrapeCompleted} events the crawler publishes. */
@Component
class ScrapeEventsForTests {

    static final List<ScrapeCompleted> received = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ScrapeCompleted event) {
        received.add(event);
    }
}
