package dev.parley.conversation.internal;

import dev.parley.assistant.ModelWait;
import dev.parley.platform.ApiException;
import dev.parley.platform.ErrorCode;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Back-pressure on assistant turns. Every request runs on its own virtual thread, so nothing else bounds how many
 * turns a node takes on: past what its cores can answer, each extra turn only makes every other one slower, until
 * all of them wait seconds. Here at most {@code max-turns-in-flight} run at once; a turn waits a short while for a
 * place, then is refused with 503 and {@code Retry-After}, before anything is stored, so a retry duplicates nothing.
 * A turn waiting for a remote language model holds no place meanwhile ({@link Permit}): it uses no core while it
 * waits.
 */
@Component
class TurnGate {

    /** What a refused caller is told to wait: a place frees as soon as one turn ends. */
    static final long RETRY_AFTER_SECONDS = 1;

    private final Semaphore places;
    private final Duration wait;

    TurnGate(ConversationProperties properties) {
        if (properties.maxTurnsInFlight() < 1) {
            throw new IllegalArgumentException("parley.conversation.max-turns-in-flight must be at least 1");
        }
        // Fair: turns get their places in the order they asked, so no turn waits behind ones that came later.
        this.places = new Semaphore(properties.maxTurnsInFlight(), true);
        this.wait = properties.turnQueueWait();
    }

    /** A place among the turns in flight, held until the permit is closed. */
    Permit enter() {
        boolean entered;
        try {
            entered = places.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entered = false;
        }
        if (!entered) {
            throw ApiException.retryLater(
                    ErrorCode.SERVICE_UNAVAILABLE, "error.service_unavailable.turns", RETRY_AFTER_SECONDS);
        }
        return new Permit();
    }

    /** How many turns wait for a place now: an estimate, for monitoring and tests. */
    int waiting() {
        return places.getQueueLength();
    }

    /**
     * A place taken; closing it frees the place. While the turn waits for a remote model it gives the place back
     * ({@link #leave}), so turns that wait on another machine do not keep the node's own turns out, and takes one
     * again when the answer comes ({@link #resume}), queued with the turns that ask for their first place. A turn that
     * has started is never refused: it waits for its place as long as it takes, since places free as turns end.
     * Used by the turn's own thread only.
     */
    final class Permit implements AutoCloseable, ModelWait.Steps {

        private boolean held = true;

        private Permit() {}

        @Override
        public void leave() {
            if (held) {
                held = false;
                places.release();
            }
        }

        @Override
        public void resume() {
            if (!held) {
                places.acquireUninterruptibly();
                held = true;
            }
        }

        @Override
        public void close() {
            leave();
        }
    }
}
