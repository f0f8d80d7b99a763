package dev.parley.live.internal;

import dev.parley.platform.Caller;
import dev.parley.platform.CallerResolver;
import dev.parley.platform.EventName;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The clients this node holds, and delivery of signals to them: a conversation's events and its agents' and the
 * assistant's typing to the customer's connections; every conversation event and the customers' typing to the agent
 * streams of that workspace and mode, and never to another's. Once a second it closes sockets that did not
 * authenticate in time and pings idle ones, closing those that stopped answering.
 */
@Component
class Hub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Hub.class);

    private final Frames frames;
    private final LiveProperties properties;
    private final CallerResolver callers;
    // Made again on each start: a stopped context (a paused test context, too) may be started again.
    private volatile ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile ScheduledExecutorService sweeper;

    private volatile boolean running;
    private final Set<Connection> all = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<Connection>> byConversation = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> agentsByWorkspace = new ConcurrentHashMap<>();

    Hub(Frames frames, LiveProperties properties, CallerResolver callers) {
        this.frames = frames;
        this.properties = properties;
        this.callers = callers;
    }

    ExecutorService writers() {
        return writers;
    }

    void add(Connection connection) {
        all.add(connection);
    }

    /** The customer connection follows its conversation from now on. */
    void follow(Connection connection, String conversationId) {
        connection.conversationId = conversationId;
        byConversation
                .computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet())
                .add(connection);
    }

    /** The agent connection hears every conversation of its caller's workspace and mode from now on. */
    void watch(Connection connection) {
        agentsByWorkspace
                .computeIfAbsent(workspaceKey(connection), key -> ConcurrentHashMap.newKeySet())
                .add(connection);
    }

    /** Forgets the connection; it hears nothing more. */
    void remove(Connection connection) {
        all.remove(connection);
        if (connection.conversationId != null) {
            byConversation.computeIfPresent(connection.conversationId, (id, set) -> {
                set.remove(connection);
                return set.isEmpty() ? null : set;
            });
        }
        if (connection.kind == Connection.Kind.AGENT && connection.caller != null) {
            agentsByWorkspace.computeIfPresent(workspaceKey(connection), (key, set) -> {
                set.remove(connection);
                return set.isEmpty() ? null : set;
            });
        }
    }

    int size() {
        return all.size();
    }

    /** Delivers a signal to the connections of this node it concerns. Never blocks. */
    void deliver(Signal signal) {
        if (signal.endsACredential()) {
            for (Connection connection : all) {
                if (endedBy(connection, signal)) {
                    end(connection);
                }
            }
            return;
        }
        boolean toCustomers = !signal.aboutTyping() || signal.role() != Signal.Typist.CUSTOMER;
        boolean toAgents = !signal.aboutTyping() || signal.role() == Signal.Typist.CUSTOMER;
        if (toCustomers) {
            Set<Connection> followers = byConversation.get(signal.conversationId());
            if (followers != null) {
                for (Connection connection : followers) {
                    if (endsSessionOf(connection, signal)) {
                        remove(connection);
                        connection.send(frames.error("session_ended", "live.session_ended", connection.locale));
                        connection.closeAfterSending(4003, "session ended");
                    } else if (sameWorkspace(connection, signal)) {
                        Frame frame =
                                signal.aboutTyping() ? frames.typing(signal.typing()) : forCustomer(connection, signal);
                        if (frame != null) {
                            connection.send(frame);
                        }
                    }
                }
            }
        }
        if (toAgents) {
            Set<Connection> agents = agentsByWorkspace.get(signal.workspaceId() + "/" + signal.mode());
            if (agents != null && !agents.isEmpty()) {
                Frame frame = signal.aboutTyping() ? frames.agentTyping(signal) : frames.forAgent(signal);
                for (Connection connection : agents) {
                    if (sameWorkspace(connection, signal)) {
                        connection.send(frame);
                    }
                }
            }
        }
    }

    /** The client's own message comes back to it as its acknowledgement, never as a message it would show. */
    private Frame forCustomer(Connection connection, Signal signal) {
        if (signal.is(EventName.MESSAGE_RECEIVED) && signal.field("message_id") instanceof String messageId) {
            String clientMessageId = connection.acknowledge(messageId);
            if (clientMessageId != null) {
                return frames.received(messageId, clientMessageId, signal.at());
            }
        }
        return frames.forCustomer(signal, connection.locale);
    }

    private static boolean sameWorkspace(Connection connection, Signal signal) {
        var caller = connection.caller;
        return caller != null && caller.workspaceId().equals(signal.workspaceId()) && caller.mode() == signal.mode();
    }

    /** A socket opened with a session's token lasts as long as that session. */
    private static boolean endsSessionOf(Connection connection, Signal signal) {
        return connection.sessionId != null
                && signal.is(EventName.CHAT_SESSION_ENDED)
                && sameWorkspace(connection, signal)
                && connection.sessionId.equals(signal.field("session_id"));
    }

    /** Whether the connection was opened with the key or console session (or by the console user) that ended. */
    private static boolean endedBy(Connection connection, Signal signal) {
        Caller caller = connection.caller;
        if (caller == null
                || connection.sessionId != null
                || !caller.workspaceId().equals(signal.workspaceId())) {
            return false;
        }
        return signal.credential()
                .map(credential -> {
                    String id = signal.field(credential.field());
                    return switch (credential) {
                        case KEY_REVOKED -> !caller.isAgent() && caller.keyId().equals(id);
                        case SESSION_ENDED -> caller.isAgent() && caller.keyId().equals(id);
                        case AGENT_DEACTIVATED ->
                            caller.isAgent() && caller.agentId().equals(id);
                    };
                })
                .orElse(false);
    }

    /** The credential the connection was opened with no longer holds: it hears nothing more, is told, and closes. */
    private void end(Connection connection) {
        remove(connection);
        boolean console = connection.caller.isAgent();
        connection.send(frames.error(
                "unauthorized",
                console ? "live.unauthorized.signed_out" : "live.unauthorized.revoked",
                connection.locale));
        connection.closeAfterSending(4001, console ? "session ended" : "key revoked");
    }

    /**
     * Checks a connection's key or console session again, off the sweeper's thread. A connection opened with a seed
     * 004 session token is not checked here: it ends with its session.
     */
    private void recheck(Connection connection, long now) {
        if (connection.sessionId != null
                || now - connection.lastCredentialCheckNanos
                        < properties.credentialCheck().toNanos()) {
            return;
        }
        connection.lastCredentialCheckNanos = now;
        Caller caller = connection.caller;
        writers.execute(() -> {
            try {
                if (!connection.isClosed() && !callers.stillValid(caller)) {
                    end(connection);
                }
            } catch (RuntimeException failed) {
                log.warn("Could not check a live connection's credential: {}", failed.toString());
            }
        });
    }

    private static String workspaceKey(Connection connection) {
        return connection.caller.workspaceId() + "/" + connection.caller.mode();
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            long authTimeout = properties.authTimeout().toNanos();
            long ping = properties.pingInterval().toNanos();
            for (Connection connection : all) {
                if (connection.isClosed()) {
                    remove(connection);
                } else if (!connection.authenticated()) {
                    if (now - connection.openedNanos > authTimeout) {
                        remove(connection);
                        connection.send(frames.error("unauthorized", "live.unauthorized.timeout", connection.locale));
                        connection.closeAfterSending(4001, "authentication timeout");
                    }
                } else {
                    recheck(connection, now);
                    if (now - connection.lastPingNanos < ping) {
                        continue;
                    }
                    if (connection.lastSeenNanos < connection.lastPingNanos) {
                        remove(connection);
                        writers.execute(connection::abort);
                    } else {
                        connection.lastPingNanos = now;
                        connection.send(Frame.PING);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Live sweep failed", e);
        }
    }

    @Override
    public void start() {
        if (writers.isShutdown()) {
            writers = Executors.newVirtualThreadPerTaskExecutor();
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
        running = true;
    }

    /** Closes every client before the web server's graceful shutdown, which would wait for open streams. */
    @Override
    public void stop() {
        running = false;
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        for (Connection connection : all) {
            remove(connection);
            connection.closeAfterSending(1001, "server shutting down");
        }
        writers.shutdown();
        try {
            writers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
