package dev.parley.live;

import dev.parley.conversation.ConversationEvents.TurnRecorded;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test-only (test sources, never shipped): a storage failure while a turn is being stored, for the workspaces listed.
 * It fails inside the transaction that stores the turn's messages, after the turn's facts are published in it.
 */
@Component
class FailingTurnSavesForTests {

    static final Set<String> failingWorkspaces = ConcurrentHashMap.newKeySet();

    @EventListener
    void on(TurnRecorded turn) {
        if (failingWorkspaces.contains(turn.workspaceId())) {
            throw new IllegalStateException("storing the turn failed (test)");
        }
    }
}
