package dev.parley.assistant;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test-only (test sources, never shipped): records the content gaps the assistant reports. */
@Component
class KnowledgeGapsForTests {

    static final List<KnowledgeGapFound> found = new CopyOnWriteArrayList<>();

    @EventListener
    void on(KnowledgeGapFound gap) {
        found.add(gap);
    }
}
