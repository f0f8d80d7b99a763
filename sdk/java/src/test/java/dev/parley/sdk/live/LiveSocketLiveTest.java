package dev.parley.sdk.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sdk.Parley;
import dev.parley.sdk.SocketException;
import dev.parley.sdk.model.Conversation;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Params;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The live socket ({@code /v1/ws}) against the real server: auth, message, ack, answer, typing, reconnect. */
class LiveSocketLiveTest {
    private static LiveServer server;
    private static LiveServer.Workspace workspace;

    @BeforeAll
    static void workspace() {
        server = LiveServer.get();
        workspace = server.newWorkspace();
    }

    @Test
    void aMessageStartsAConversationIsAcknowledgedAndAnswered() throws Exception {
        Parley client = workspace.client;
        BlockingQueue<JsonObject> answers = new LinkedBlockingQueue<>();
        try (LiveSocket live = client.live().connect()) {
            live.on("message", frame -> {
                if ("assistant".equals(frame.getString("role"))) {
                    answers.add(frame);
                }
            });
            assertEquals("authenticated", live.ready().get(60, TimeUnit.SECONDS).getString("type"));
            JsonObject ack = live.send("Do you sell running shoes?").get(60, TimeUnit.SECONDS);
            assertTrue(ack.getString("message_id").startsWith("msg_"), ack.toJson());
            assertTrue(live.conversationId().startsWith("conv_"), live.conversationId());
            JsonObject reply = answers.poll(120, TimeUnit.SECONDS);
            assertNotNull(reply, "the assistant answered on the socket");
            assertTrue(!reply.getString("content").isEmpty());
            live.typing(true);
            live.typing(false);
            Conversation stored = client.conversations().get(live.conversationId(), Params.of("includeMessages", true));
            assertTrue(stored.messages().stream().anyMatch(m -> "Do you sell running shoes?".equals(m.content())));
        }
    }

    @Test
    void aRefusedKeyFailsReadyAndEndsTheSocket() throws Exception {
        Parley stranger = server.client("sk_live_" + "y".repeat(32));
        LiveSocket live = stranger.live().connect();
        ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                ExecutionException.class, () -> live.ready().get(60, TimeUnit.SECONDS));
        assertTrue(refused.getCause() instanceof SocketException, String.valueOf(refused.getCause()));
        assertEquals("unauthorized", ((SocketException) refused.getCause()).code());
        assertEquals(4001, live.closed().get(60, TimeUnit.SECONDS), "closed for good, no reconnect");
    }

    @Test
    void afterALostConnectionItReconnectsAndReplaysWhatItMissedWithLastMessageId() throws Exception {
        Parley client = workspace.client;
        try (CuttableProxy proxy = new CuttableProxy(URI.create(server.baseUrl).getPort())) {
            Parley viaProxy = Parley.builder()
                    .apiKey(workspace.key)
                    .baseUrl("http://127.0.0.1:" + proxy.port())
                    .build();
            BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
            BlockingQueue<JsonObject> authenticated = new LinkedBlockingQueue<>();
            CompletableFuture<JsonObject> reconnecting = new CompletableFuture<>();
            // Attempts enough to outlast a slow REST call on a loaded machine while the proxy refuses.
            try (LiveSocket live = viaProxy.live().connect(LiveSocket.options().maxReconnectAttempts(50))) {
                live.on("message", messages::add);
                live.on("authenticated", authenticated::add);
                live.on("reconnecting", reconnecting::complete);
                live.ready().get(60, TimeUnit.SECONDS);
                authenticated.clear();
                live.send("Hello, are you open today?").get(60, TimeUnit.SECONDS);
                assertNotNull(next(messages, "assistant", null), "the first answer");
                String seenBefore = live.lastMessageId();
                String conversationId = live.conversationId();

                proxy.blocked = true;
                proxy.cut();
                reconnecting.get(60, TimeUnit.SECONDS);
                // While the socket is away, an agent answers over REST.
                client.conversations().reply(conversationId, Params.of("content", "Written while you were away"));
                proxy.blocked = false;
                JsonObject again = authenticated.poll(120, TimeUnit.SECONDS);
                assertNotNull(again, "authenticated again");
                assertEquals(conversationId, again.getString("conversation_id"));
                JsonObject missed = next(messages, "agent", "Written while you were away");
                assertNotNull(missed, "the missed reply replayed");
                assertTrue(!missed.getString("message_id").equals(seenBefore));
                assertEquals(missed.getString("message_id"), live.lastMessageId());
                // And the socket works after the reconnect.
                JsonObject ack = live.send("Thanks!").get(60, TimeUnit.SECONDS);
                assertTrue(ack.getString("message_id").startsWith("msg_"));
            }
        }
    }

    /** The next message frame from {@code role} (with {@code content} when given), or null after two minutes. */
    private static JsonObject next(BlockingQueue<JsonObject> frames, String role, String content)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            JsonObject frame = frames.poll(1, TimeUnit.SECONDS);
            if (frame != null
                    && role.equals(frame.getString("role"))
                    && (content == null || content.equals(frame.getString("content")))) {
                return frame;
            }
        }
        return null;
    }

    /** A loopback TCP proxy to the server whose connections the test can cut. */
    static final class CuttableProxy implements AutoCloseable {
        private final ServerSocket listener;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        /** While true, new connections are closed at once. */
        volatile boolean blocked;

        CuttableProxy(int targetPort) throws IOException {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket inbound = listener.accept();
                        if (blocked) {
                            inbound.close();
                            continue;
                        }
                        Socket outbound = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                        open.add(inbound);
                        open.add(outbound);
                        pipe(inbound, outbound);
                        pipe(outbound, inbound);
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        void cut() {
            for (Socket socket : open) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
            open.clear();
        }

        private static void pipe(Socket from, Socket to) {
            Thread thread = new Thread(() -> {
                try (InputStream in = from.getInputStream();
                        OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException cut) {
                    // the other side went away
                } finally {
                    try {
                        from.close();
                        to.close();
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            cut();
            listener.close();
        }
    }
}
