package dev.parley.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.commerce.FakeStoreServer.Response;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gorgias as the helpdesk (seed 001): escalations open tickets through a fake Gorgias REST API on 127.0.0.2, the
 * customer's later messages follow the ticket, and signed Gorgias webhooks bring replies back into the conversation.
 */
@ApiTest
@Tag("database")
class GorgiasTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    FakeStoreServer gorgias;
    Api api;
    String secret;
    long ticketId;

    @BeforeEach
    void connectGorgias() throws Exception {
        gorgias = new FakeStoreServer();
        ticketId = ThreadLocalRandom.current().nextLong(10_000, 10_000_000);
        gorgias.otherwise(r -> r.path().equals("/api/tickets")
                ? Response.json("{\"id\":" + ticketId + ",\"status\":\"open\",\"channel\":\"api\"}")
                : Response.json("{\"id\":" + ThreadLocalRandom.current().nextLong(1, 1_000_000) + "}"));
        TestWorkspace workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
        secret = "gorgias-secret-" + UUID.randomUUID();
        Api.Response put = api.send(
                "PUT",
                "/v1/helpdesk/connection",
                Map.of(
                        "platform",
                        "gorgias",
                        "base_url",
                        gorgias.url(),
                        "mode",
                        "bidirectional",
                        "credentials",
                        Map.of(
                                "username",
                                "agent@acme.com",
                                "api_key",
                                "gorgias-key-123456",
                                "webhook_secret",
                                secret)));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().at("/credentials/api_key").asString()).isEqualTo("****3456");
    }

    @AfterEach
    void stop() {
        gorgias.close();
    }

    @Test
    void anEscalationOpensATicketAndMessagesFlowBothWays() throws Exception {
        // when the customer asks for a person
        Api.Response started = api.post(
                "/v1/conversations",
                Map.of(
                        "customer_email", "maria@example.com",
                        "customer_name", "Maria Garcia",
                        "initial_message", "I want to talk to a human about my order"));
        assertThat(started.json().path("escalated").asBoolean())
                .as(started.toString())
                .isTrue();
        String conversation = started.json().path("conversation_id").asString();

        // then a Gorgias ticket carries the conversation and becomes its ticket id
        FakeStoreServer.Request ticket = gorgias.requests().getFirst();
        assertThat(ticket.path()).isEqualTo("/api/tickets");
        assertThat(ticket.header("Authorization"))
                .isEqualTo(
                        "Basic " + Base64.getEncoder().encodeToString("agent@acme.com:gorgias-key-123456".getBytes()));
        JsonNode body = JSON.readTree(ticket.body());
        assertThat(body.at("/customer/email").asString()).isEqualTo("maria@example.com");
        assertThat(body.at("/messages/0/from_agent").asBoolean()).isFalse();
        assertThat(body.at("/messages/0/body_text").asString()).contains("talk to a human about my order");
        assertThat(api.get("/v1/conversations/" + conversation)
                        .json()
                        .path("ticket_id")
                        .asString())
                .isEqualTo("GORG-" + ticketId);

        // when the customer writes again, the message follows the ticket
        api.post("/v1/conversations/" + conversation + "/messages", Map.of("content", "It's order #1003."));
        List<FakeStoreServer.Request> followed = awaitRequests("/api/tickets/" + ticketId + "/messages", 1);
        assertThat(followed).hasSize(1);
        assertThat(JSON.readTree(followed.getFirst().body()).path("body_text").asString())
                .isEqualTo("It's order #1003.");

        // when an agent replies in Gorgias, the reply lands in the conversation once
        String reply = "{\"event\":\"ticket.message.created\",\"ticket_id\":" + ticketId
                + ",\"message\":{\"id\":67890,\"sender\":\"agent\",\"body_text\":\"Hi Maria, your refund is approved.\","
                + "\"created_at\":\"2026-02-06T10:45:00Z\"}}";
        Api.Response synced = webhook(sign(secret, reply), reply);
        assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
        assertThat(synced.json().path("action").asString()).isEqualTo("message_synced");
        assertThat(webhook(sign(secret, reply), reply).json().path("action").asString())
                .isEqualTo("duplicate_ignored");
        JsonNode messages = api.get("/v1/conversations/" + conversation).json().path("messages");
        assertThat(messages.valueStream()
                        .filter(m -> m.path("role").asString().equals("agent"))
                        .map(m -> m.path("content").asString()))
                .containsExactly("Hi Maria, your refund is approved.");

        // a customer message written in Gorgias comes in, and is not sent back to Gorgias
        String fromCustomer = "{\"event\":\"ticket.message.created\",\"ticket_id\":" + ticketId
                + ",\"message\":{\"id\":67891,\"sender\":\"customer\",\"body_text\":\"Thanks, that helps!\"}}";
        assertThat(webhook(sign(secret, fromCustomer), fromCustomer)
                        .json()
                        .path("action")
                        .asString())
                .isEqualTo("message_synced");
        assertThat(gorgias.requests().stream().filter(r -> r.path().equals("/api/tickets/" + ticketId + "/messages")))
                .hasSize(1);
    }

    @Test
    void refusesUnsignedOrWronglySignedWebhooksAndUnknownTickets() throws Exception {
        api.post(
                "/v1/conversations",
                Map.of("customer_email", "sam@example.com", "initial_message", "Let me speak to a real person"));
        String event = "{\"event\":\"ticket.message.created\",\"ticket_id\":" + ticketId
                + ",\"message\":{\"id\":1,\"sender\":\"agent\",\"body_text\":\"Hello\"}}";
        String unknown = event.replace(Long.toString(ticketId), "1");

        assertThat(webhook(null, event).status()).isEqualTo(401);
        assertThat(webhook(sign("another-secret", event), event).status()).isEqualTo(401);
        assertThat(webhook(sign(secret, event + " "), event).status()).isEqualTo(401);
        assertThat(webhook(sign(secret, unknown), unknown).errorCode()).isEqualTo("invalid_signature");
        assertThat(webhook(sign(secret, event), event).status()).isEqualTo(200);
    }

    @Test
    void aManualEscalationOpensATicketToo() {
        Api.Response started = api.post(
                "/v1/conversations", Map.of("customer_email", "tom@example.com", "initial_message", "Hello there"));
        String conversation = started.json().path("conversation_id").asString();

        Api.Response escalated = api.post(
                "/v1/conversations/" + conversation + "/escalate",
                Map.of("reason", "Customer specifically requested human agent", "priority", "high"));

        assertThat(escalated.status()).as(escalated.toString()).isEqualTo(200);
        assertThat(escalated.json().path("ticket_id").asString()).isEqualTo("GORG-" + ticketId);
        assertThat(escalated.json().path("customer_message").asString()).contains("GORG-" + ticketId);
    }

    @Test
    void aMessageThatMeetsGorgiasDownIsRetriedByTheJobAndArrivesOnce() throws Exception {
        String conversation = api.post(
                        "/v1/conversations",
                        Map.of(
                                "customer_email",
                                "ana@example.com",
                                "initial_message",
                                "I want to talk to a human about my order"))
                .json()
                .path("conversation_id")
                .asString();
        assertThat(api.get("/v1/conversations/" + conversation)
                        .json()
                        .path("ticket_id")
                        .asString())
                .isEqualTo("GORG-" + ticketId);
        String path = "/api/tickets/" + ticketId + "/messages";
        gorgias.then(new Response(500, Map.of(), "{\"error\":\"Internal Server Error\"}"));

        api.post("/v1/conversations/" + conversation + "/messages", Map.of("content", "Are you there?"));

        List<FakeStoreServer.Request> sent = awaitRequests(path, 2);
        assertThat(sent).hasSize(2);
        assertThat(sent.stream()
                        .map(r -> JSON.readTree(r.body()).path("body_text").asString()))
                .containsExactly("Are you there?", "Are you there?");
        // a later message arrives after it, and the first is not sent a third time
        api.post("/v1/conversations/" + conversation + "/messages", Map.of("content", "Still waiting."));
        assertThat(awaitRequests(path, 3).stream()
                        .map(r -> JSON.readTree(r.body()).path("body_text").asString()))
                .containsExactly("Are you there?", "Are you there?", "Still waiting.");
    }

    @Test
    void aTicketThatMeetsGorgiasDownIsOpenedByTheJobWhenItRecovers() throws Exception {
        gorgias.otherwise(r -> new Response(503, Map.of(), "{\"error\":\"Service Unavailable\"}"));
        Api.Response started = api.post(
                "/v1/conversations",
                Map.of("customer_email", "lee@example.com", "initial_message", "Let me speak to a real person"));
        String conversation = started.json().path("conversation_id").asString();
        assertThat(api.get("/v1/conversations/" + conversation)
                        .json()
                        .path("ticket_id")
                        .asString())
                .as("Parley's own reference while Gorgias is down")
                .startsWith("T-");
        api.post("/v1/conversations/" + conversation + "/messages", Map.of("content", "Hello? Anyone?"));

        gorgias.otherwise(r -> r.path().equals("/api/tickets")
                ? Response.json("{\"id\":" + ticketId + ",\"status\":\"open\"}")
                : Response.json("{\"id\":" + ThreadLocalRandom.current().nextLong(1, 1_000_000) + "}"));

        List<FakeStoreServer.Request> followed = awaitRequests("/api/tickets/" + ticketId + "/messages", 1);
        assertThat(followed).hasSize(1);
        assertThat(JSON.readTree(followed.getFirst().body()).path("body_text").asString())
                .isEqualTo("Hello? Anyone?");
        List<JsonNode> tickets = gorgias.requests().stream()
                .filter(r -> r.path().equals("/api/tickets"))
                .map(r -> JSON.readTree(r.body()))
                .toList();
        assertThat(tickets.getLast().at("/messages/0/body_text").asString()).contains("Let me speak to a real person");
        assertThat(tickets.getLast().path("external_id").asString()).isEqualTo(conversation);
        // the ticket is known now: its replies come back into the conversation
        String reply = "{\"event\":\"ticket.message.created\",\"ticket_id\":" + ticketId
                + ",\"message\":{\"id\":555,\"sender\":\"agent\",\"body_text\":\"Hi Lee, I'm here.\"}}";
        assertThat(webhook(sign(secret, reply), reply).json().path("action").asString())
                .isEqualTo("message_synced");
    }

    private Api.Response webhook(String signature, String body) {
        Api anonymous = Api.at(port);
        if (signature != null) {
            anonymous = anonymous.withHeader("X-Gorgias-Signature", signature);
        }
        return anonymous.send(
                "POST", "/v1/webhooks/gorgias", "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** The requests Gorgias got on this path, once there are {@code count} of them or a minute has passed. */
    private List<FakeStoreServer.Request> awaitRequests(String path, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            List<FakeStoreServer.Request> sent = gorgias.requests().stream()
                    .filter(r -> r.path().equals(path))
                    .toList();
            if (sent.size() >= count || System.nanoTime() > deadline) {
                return sent;
            }
            Thread.sleep(100);
        }
    }

    /** base64(HMAC-SHA256(secret, body)), computed here with the JDK, independently of the server's code. */
    private static String sign(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
