package dev.parley.live.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One socket's messages, answered one at a time in the order they came, off the thread that reads the socket: while
 * a turn takes its time (a model, a store, a queue for the cores), the socket keeps answering pings and handling its
 * other frames, and its next message waits for the turn before it. A socket made one on its first message.
 */
final class TurnLane {

    private static final Logger log = LoggerFactory.getLogger(TurnLane.class);

    private final int limit;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private boolean running;

    /** @param limit how many messages may wait behind the one being answered */
    TurnLane(int limit) {
        this.limit = limit;
    }

    /** Queues a turn behind the socket's others; {@code false} when too many already wait. */
    boolean offer(Runnable turn, Executor executor) {
        synchronized (this) {
            if (waiting.size() >= limit) {
                return false;
            }
            waiting.add(turn);
            if (running) {
                return true;
            }
            running = true;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException shuttingDown) {
            synchronized (this) {
                waiting.clear();
                running = false;
            }
        }
        return true;
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException failure) {
                log.error("A live turn failed", failure);
            }
        }
    }
}
