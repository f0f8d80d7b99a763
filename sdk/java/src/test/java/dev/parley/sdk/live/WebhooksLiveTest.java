package dev.parley.sdk.live;

import static dev.parley.sdk.live.LiveServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.parley.sdk.ConflictException;
import dev.parley.sdk.Parley;
import dev.parley.sdk.model.Params;
import dev.parley.sdk.model.WebhookDelivery;
import dev.parley.sdk.model.WebhookEndpoint;
import dev.parley.sdk.model.WebhookEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real deliveries from the server to a loopback receiver, verified with webhooks.verify in every signature format. */
class WebhooksLiveTest {
    /** What the receiver got: the raw body and the headers as the JDK's server hands them over. */
    static final class Delivery {
        final byte[] body;
        final Map<String, List<String>> headers;

        Delivery(byte[] body, Map<String, List<String>> headers) {
            this.body = body;
            this.headers = headers;
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private String url;

    @BeforeEach
    void receiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            received.add(
                    new Delivery(exchange.getRequestBody().readAllBytes(), Map.copyOf(exchange.getRequestHeaders())));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void crudTestDeliveriesInBothFormatsVerifiedDeliveryLogAndRedeliver() {
        Parley client = LiveServer.get().newWorkspace().client;
        WebhookEndpoint prefixed =
                client.webhooks().create(Params.of("url", url + "?f=prefixed", "events", List.of("*")));
        assertTrue(prefixed.id().startsWith("wh_"), prefixed.id());
        assertEquals("sha256_prefixed", prefixed.signatureFormat());
        assertTrue(prefixed.secret().matches("whsec_[A-Za-z0-9]{32}"), "a generated secret is shown once, in full");
        String hexSecret = "whsec_my_own_secret_value_123";
        WebhookEndpoint hex = client.webhooks()
                .create(Params.of(
                        "url",
                        url + "?f=hex",
                        "events",
                        List.of("conversation.created"),
                        "signatureFormat",
                        "hex",
                        "secret",
                        hexSecret));
        assertEquals("hex", hex.signatureFormat());
        assertTrue(client.webhooks().get(prefixed.id()).secret().contains("*"), "masked after creation");
        assertEquals(
                List.of(hex.id(), prefixed.id()).stream().sorted().collect(Collectors.toList()),
                client.webhooks().list().stream()
                        .map(WebhookEndpoint::id)
                        .sorted()
                        .collect(Collectors.toList()));

        client.webhooks().test(prefixed.id());
        client.conversations().create(Params.of("customerEmail", "hooks@example.com", "initialMessage", "Hello"));

        Delivery test = eventually(
                "the test delivery",
                () -> received.stream()
                        .filter(d -> "webhook.test".equals(d.header("X-Webhook-Event")))
                        .findFirst()
                        .orElse(null));
        assertTrue(test.header("X-Webhook-Signature").matches("sha256=[0-9a-f]{64}"));
        assertTrue(test.header("X-Parley-Signature").matches("t=\\d+,v1=[0-9a-f]{64}"));
        WebhookEvent testEvent = client.webhooks().verify(test.body, test.headers, prefixed.secret());
        assertEquals("webhook.test", testEvent.event());
        assertEquals(test.header("X-Webhook-Id"), testEvent.id());
        // Each format on its own verifies too: the body signature alone, and Parley's timestamped one alone.
        client.webhooks()
                .verify(
                        test.body,
                        Map.of("X-Webhook-Signature", test.header("X-Webhook-Signature")),
                        prefixed.secret());
        client.webhooks()
                .verify(test.body, Map.of("X-Parley-Signature", test.header("X-Parley-Signature")), prefixed.secret());
        assertFalse(client.webhooks().isValid(test.body, test.headers, "whsec_wrong_secret_000000000000"));

        Delivery fromHex = eventually(
                "the hex-signed delivery",
                () -> received.stream()
                        .filter(d -> "conversation.created".equals(d.header("X-Webhook-Event"))
                                && d.header("X-Webhook-Signature").matches("[0-9a-f]{64}"))
                        .findFirst()
                        .orElse(null));
        WebhookEvent created = client.webhooks().verify(fromHex.body, fromHex.headers, hexSecret);
        assertEquals("conversation.created", created.event());
        assertTrue(created.data().getString("conversation_id").startsWith("conv_"));

        WebhookDelivery delivery = eventually(
                "the delivery log",
                () -> client.webhooks().deliveries(prefixed.id(), Params.of("status", "delivered")).stream()
                        .filter(d -> "webhook.test".equals(d.eventType()))
                        .findFirst()
                        .orElse(null));
        assertEquals(204, delivery.lastStatusCode());
        long before = received.stream()
                .filter(d -> delivery.eventId().equals(d.header("X-Webhook-Id")))
                .count();
        client.webhooks().redeliver(prefixed.id(), delivery.id());
        eventually(
                "the redelivery",
                () -> received.stream()
                                .filter(d -> delivery.eventId().equals(d.header("X-Webhook-Id")))
                                .count()
                        > before);

        WebhookEndpoint rotated = client.webhooks().rotateSecret(prefixed.id(), null);
        assertNotEquals(prefixed.secret(), rotated.secret());
        assertFalse(client.webhooks()
                .update(prefixed.id(), Params.of("active", false))
                .active());
        assertThrows(ConflictException.class, () -> client.webhooks().test(prefixed.id()));
        client.webhooks().delete(prefixed.id());
        client.webhooks().delete(hex.id());
        assertEquals(0, client.webhooks().list().toList().size());
    }
}
