package dev.parley.live.internal;

import dev.parley.platform.Caller;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client held by this node: a widget socket, an agent's stream or a server-sent event stream. Frames for it wait
 * in a bounded queue that one virtual thread at a time drains, in order; a client that lets the queue fill up, or
 * whose writes time out, is dropped rather than buffered for. The state is small on purpose: a node holds
 * thousands.
 */
abstract class Connection {

    private static final Logger log = LoggerFactory.getLogger(Connection.class);

    enum Kind {
        CUSTOMER,
        AGENT
    }

    final Kind kind;
    final Locale locale;
    final long openedNanos = System.nanoTime();
    volatile long lastSeenNanos = openedNanos;
    volatile long lastPingNanos = openedNanos;
    volatile long lastCredentialCheckNanos = openedNanos;
    /** Who is connected, once authenticated. */
    volatile Caller caller;
    /** A customer connection's one conversation, once known. */
    volatile String conversationId;
    /** The seed 004 session a customer connection authenticated with, if it did: the socket ends with it. */
    volatile String sessionId;
    /** Whether a customer connection asked to see the assistant's reply as it is written ({@code stream} in auth). */
    volatile boolean streaming;
    /** Where the customer was ({@code context.page_url} in auth), for a conversation their first message opens. */
    volatile String pageUrl;

    /**
     * Messages this client sent that it has not been acknowledged yet: their ids, each to the client's own id for it
     * ({@code ""} when it gave none).
     */
    private final Map<String, String> unacknowledged = new ConcurrentHashMap<>();

    private final Executor executor;
    private final int limit;
    private final ConcurrentLinkedQueue<Frame> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private volatile boolean draining;
    private volatile boolean closed;
    private volatile boolean closing;
    private volatile int closeCode;
    private volatile String closeReason;
    /** Frames held back while missed messages are replayed; {@code null} otherwise. */
    private List<Frame> held;

    Connection(Kind kind, Locale locale, Executor executor, int limit) {
        this.kind = kind;
        this.locale = locale;
        this.executor = executor;
        this.limit = limit;
    }

    /** The client is sending this message, stored under {@code messageId}; it is acknowledged once. */
    void sending(String messageId, String clientMessageId) {
        unacknowledged.put(messageId, clientMessageId == null ? "" : clientMessageId);
    }

    /**
     * Whether the message is one this client sent and not acknowledged yet: then the client's own id for it ({@code ""}
     * if none), and from now on it counts as acknowledged; else {@code null}.
     */
    String acknowledge(String messageId) {
        return unacknowledged.remove(messageId);
    }

    /** Queues a frame; never blocks. */
    void send(Frame frame) {
        synchronized (this) {
            if (held != null && frame != Frame.PING) {
                if (held.size() >= limit) {
                    dropSlow();
                } else {
                    held.add(frame);
                }
                return;
            }
        }
        enqueue(frame);
    }

    /** Holds live frames back until {@link #release}, while what the client must see first is made. */
    synchronized void hold() {
        held = new ArrayList<>();
    }

    /** Sends these frames, then what arrived meanwhile, without the messages they already had. */
    void release(List<Frame> first) {
        Set<String> sent = new HashSet<>();
        for (Frame frame : first) {
            if (frame.id() != null) {
                sent.add(frame.id());
            }
            enqueue(frame);
        }
        synchronized (this) {
            for (Frame frame : held) {
                if (frame.id() == null || !sent.contains(frame.id())) {
                    enqueue(frame);
                }
            }
            held = null;
        }
    }

    private void enqueue(Frame frame) {
        if (closed) {
            return;
        }
        if (queued.incrementAndGet() > limit) {
            queued.decrementAndGet();
            dropSlow();
            return;
        }
        queue.add(frame);
        startDrain();
    }

    private void startDrain() {
        synchronized (queue) {
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            executor.execute(this::drain);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            closed = true;
            draining = false;
        }
    }

    private void drain() {
        try {
            Frame frame;
            while (!closed && (frame = queue.poll()) != null) {
                queued.decrementAndGet();
                if (frame == Frame.CLOSE) {
                    closed = true;
                    close(closeCode, closeReason);
                    return;
                }
                try {
                    write(frame);
                } catch (Exception failed) {
                    log.debug("Dropping a live connection that could not be written to: {}", failed.toString());
                    closed = true;
                    abort();
                    return;
                }
            }
        } finally {
            synchronized (queue) {
                draining = false;
            }
            if (!closed && !queue.isEmpty()) {
                startDrain();
            }
        }
    }

    private void dropSlow() {
        if (!closed) {
            closed = true;
            log.debug("Dropping a live connection whose client does not keep up");
            executor.execute(this::abort);
        }
    }

    /** Sends the frames queued (or held) before this call, then closes; never blocks the caller. */
    void closeAfterSending(int code, String reason) {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            closeCode = code;
            closeReason = reason;
            if (held != null) {
                held.add(Frame.CLOSE);
                return;
            }
        }
        queued.incrementAndGet();
        queue.add(Frame.CLOSE);
        startDrain();
    }

    /**
     * Whether the client keeps up well enough to be sent what it can do without (a reply's pieces): one whose queue is
     * half full gets the whole reply at the end instead of being dropped for pieces it did not need.
     */
    boolean keepsUp() {
        return queued.get() < Math.max(1, limit / 2);
    }

    /** Closed, or closing once what was queued is sent. */
    boolean isClosed() {
        return closed || closing;
    }

    void markClosed() {
        closed = true;
    }

    boolean authenticated() {
        return caller != null;
    }

    void seen() {
        lastSeenNanos = System.nanoTime();
    }

    /** Writes one frame to the client, blocking (on a virtual thread) until it is sent or times out. */
    abstract void write(Frame frame) throws Exception;

    /** Closes gracefully with a WebSocket close code. */
    abstract void close(int code, String reason);

    /** Closes at once: the client is gone or too slow. */
    abstract void abort();
}
