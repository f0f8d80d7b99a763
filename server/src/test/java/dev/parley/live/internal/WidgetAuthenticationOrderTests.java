package dev.parley.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A widget socket hears everything said after its {@code authenticated} frame, however soon: here the client acts
 * the moment that frame is written to it (on the authenticating thread, so nothing the server does after writing it
 * has happened yet), which a real client on a busy machine can do too.
 */
@ApiTest
@Tag("database")
class WidgetAuthenticationOrderTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    WidgetSocket widgetSocket;

    @Autowired
    Hub hub;

    @Autowired
    JsonMapper json;

    @Test
    void aSessionEndedRightAfterAuthenticatedClosesTheSocket() {
        Api api = Api.at(port).withKey(fixtures.workspace().liveKey());
        JsonNode session = api.post("/v1/sessions", Map.of("user_id", "quick")).json();
        Client client = new Client(authenticated ->
                api.delete("/v1/sessions/" + session.path("session_id").asString()));

        client.authenticate(
                Map.of("type", "auth", "token", session.path("token").asString()));

        assertThat(client.types()).as("%s", client.frames).containsExactly("authenticated", "error");
        assertThat(client.frames.get(1).path("code").asString()).isEqualTo("session_ended");
        assertThat(client.closedWith).containsExactly(4003);
    }

    @Test
    void aReplyMadeRightAfterAuthenticatedReachesTheSocket() {
        String key = fixtures.workspace().liveKey();
        Api api = Api.at(port).withKey(key);
        String conversationId = api.post("/v1/conversations", Map.of("channel", "widget", "initial_message", "Hello"))
                .json()
                .path("conversation_id")
                .asString();
        Client client = new Client(
                authenticated -> api.post("/v1/chats/" + conversationId + "/messages", Map.of("text", "Right here")));

        client.authenticate(Map.of("type", "auth", "api_key", key, "conversation_id", conversationId));

        assertThat(client.types())
                .as("%s", client.frames)
                .startsWith("authenticated")
                .contains("message");
        assertThat(client.frames)
                .anyMatch(f -> f.path("role").asString().equals("agent")
                        && f.path("content").asString().equals("Right here"));
    }

    /** A widget client on a fake socket: frames are written to it on the writing thread, one at a time. */
    private final class Client {

        final List<JsonNode> frames = new CopyOnWriteArrayList<>();
        final List<Integer> closedWith = new CopyOnWriteArrayList<>();
        final SocketConnection connection;
        final WebSocketSession socket;

        Client(Consumer<JsonNode> onAuthenticated) {
            socket = (WebSocketSession) Proxy.newProxyInstance(
                    WebSocketSession.class.getClassLoader(),
                    new Class<?>[] {WebSocketSession.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "sendMessage" -> {
                            JsonNode frame = json.readTree(((TextMessage) args[0]).getPayload());
                            frames.add(frame);
                            if (frame.path("type").asString().equals("authenticated")) {
                                onAuthenticated.accept(frame);
                            }
                            yield null;
                        }
                        case "close" -> {
                            closedWith.add(args.length == 0 ? 1000 : ((CloseStatus) args[0]).getCode());
                            yield null;
                        }
                        case "isOpen" -> closedWith.isEmpty();
                        case "getHandshakeHeaders" -> new HttpHeaders();
                        case "getId" -> "fake-" + System.identityHashCode(proxy);
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "fake widget socket";
                        default -> null;
                    });
            connection = new SocketConnection(Connection.Kind.CUSTOMER, Locale.ENGLISH, socket, Runnable::run, 256, 10);
        }

        void authenticate(Map<String, Object> frame) {
            hub.add(connection);
            try {
                widgetSocket.authenticate(connection, json.valueToTree(frame), socket);
            } finally {
                hub.remove(connection);
            }
        }

        List<String> types() {
            return frames.stream().map(f -> f.path("type").asString()).toList();
        }
    }
}
