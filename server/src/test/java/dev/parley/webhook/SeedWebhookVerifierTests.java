package dev.parley.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.webhook.WebhookReceiver.Received;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The seeds' own webhook verifiers, copied verbatim from the seed documents into {@code seed-snippets/} and run with
 * {@code node} and {@code python3}, accept Parley's real deliveries (captured by a receiver on a loopback address)
 * and refuse a tampered body.
 */
@ApiTest
@Tag("database")
class SeedWebhookVerifierTests {

    private static final Path SNIPPETS = Path.of("src/test/resources/seed-snippets");
    private static final String SECRET = "your_webhook_secret";

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    final List<WebhookReceiver> receivers = new ArrayList<>();
    Api api;

    @BeforeEach
    void setUp() {
        // The first conversations of a cold application on a loaded machine can take longer than the default wait.
        api = Api.at(port)
                .withTimeout(java.time.Duration.ofMinutes(2))
                .withKey(fixtures.workspace().liveKey());
    }

    @AfterEach
    void tearDown() {
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void seed002sPythonVerifierAcceptsTheDefaultSignature() throws Exception {
        // given a subscription without a signature_format
        WebhookReceiver receiver = receiver();
        JsonNode webhook = subscribe(
                Map.of("url", receiver.url("/hooks"), "events", List.of("conversation.created"), "secret", SECRET));
        assertThat(webhook.path("signature_format").asString()).isEqualTo("sha256_prefixed");

        // when
        String conversationId = startConversation("Where is my order?");

        // then
        Received delivery = receiver.await(r -> r.size() == 1).getFirst();
        String signature = delivery.header("X-Webhook-Signature");
        assertThat(signature).matches("sha256=[0-9a-f]{64}");
        assertThat(python(delivery.body(), signature)).isEqualTo("True");
        assertThat(python(delivery.body().replace(conversationId, "conv_forged"), signature))
                .isEqualTo("False");
        assertThat(python(
                        delivery.body(),
                        signature.replace("sha256=", "sha256=0").substring(0, 71)))
                .isEqualTo("False");
    }

    @Test
    void seed000sNodeVerifierAcceptsTheHexSignatureOfABodyAsJavaScriptWritesIt() throws Exception {
        // given a subscription in seed 000's format, and a message JSON.stringify escapes in its own way
        WebhookReceiver receiver = receiver();
        JsonNode webhook = subscribe(Map.of(
                "url",
                receiver.url("/webhooks"),
                "events",
                List.of("message.received"),
                "signature_format",
                "hex",
                "secret",
                SECRET));
        assertThat(webhook.path("signature_format").asString()).isEqualTo("hex");
        String message = "Où est ma commande? «Größe» 😀 \"quoted\" back\\slash </script> \u2028 tab\there";

        // when
        startConversation(message);

        // then
        Received delivery = receiver.await(r -> r.size() == 1).getFirst();
        assertThat(delivery.json().at("/data/content").asString()).isEqualTo(message);
        String signature = delivery.header("X-Webhook-Signature");
        assertThat(signature).matches("[0-9a-f]{64}");
        assertThat(node(delivery.body(), signature)).isEqualTo("true");
        assertThat(node(delivery.body().replace("commande", "commando"), signature))
                .isEqualTo("false");
        assertThat(python(delivery.body(), signature))
                .as("seed 002's receiver expects the sha256= prefix")
                .isEqualTo("False");
    }

    @Test
    void switchingTheFormatChangesTheHeaderFromTheNextDelivery() throws Exception {
        // given
        WebhookReceiver receiver = receiver();
        JsonNode webhook = subscribe(
                Map.of("url", receiver.url("/hooks"), "events", List.of("conversation.created"), "secret", SECRET));
        String id = webhook.path("id").asString();

        // when
        Api.Response changed = api.patch("/v1/webhooks/" + id, Map.of("signature_format", "hex"));
        startConversation("Hello");

        // then
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("signature_format").asString()).isEqualTo("hex");
        assertThat(api.get("/v1/webhooks/" + id).json().path("signature_format").asString())
                .isEqualTo("hex");
        Received delivery = receiver.await(r -> r.size() == 1).getFirst();
        assertThat(node(delivery.body(), delivery.header("X-Webhook-Signature")))
                .isEqualTo("true");
    }

    @Test
    void refusesAnUnknownSignatureFormatNamingTheField() throws Exception {
        WebhookReceiver receiver = receiver();
        Api.Response created = api.post(
                "/v1/webhooks",
                Map.of(
                        "url",
                        receiver.url("/hooks"),
                        "events",
                        List.of("conversation.created"),
                        "signature_format",
                        "base64"));
        assertInvalidFormat(created);
        assertThat(api.get("/v1/webhooks").json().path("data").size()).isZero();

        String id = subscribe(Map.of("url", receiver.url("/hooks"), "events", List.of("conversation.created")))
                .path("id")
                .asString();
        assertInvalidFormat(api.patch("/v1/webhooks/" + id, Map.of("signature_format", "SHA256")));
        assertThat(api.get("/v1/webhooks/" + id).json().path("signature_format").asString())
                .isEqualTo("sha256_prefixed");
    }

    @Test
    void signsTimestampAndBodyInTheReplaySafeHeader() throws Exception {
        // given
        WebhookReceiver receiver = receiver();
        subscribe(Map.of(
                "url",
                receiver.url("/hooks"),
                "events",
                List.of("conversation.created"),
                "signature_format",
                "hex",
                "secret",
                SECRET));

        // when
        String conversationId = startConversation("Hello");

        // then
        Received delivery = receiver.await(r -> r.size() == 1).getFirst();
        String timestamp = delivery.header("X-Webhook-Timestamp");
        String header = delivery.header("X-Parley-Signature");
        assertThat(header).matches("t=" + timestamp + ",v1=[0-9a-f]{64}");
        assertThat(WebhookVerifier.verify(SECRET, header, delivery.body())).isTrue();
        assertThat(WebhookVerifier.verify(SECRET, header, delivery.body().replace(conversationId, "conv_forged")))
                .isFalse();
        String replayed = header.replace("t=" + timestamp, "t=" + (Long.parseLong(timestamp) + 60));
        assertThat(WebhookVerifier.verify(SECRET, replayed, delivery.body()))
                .as("the signature does not hold for another timestamp")
                .isFalse();
    }

    @Test
    void deliversSeed003sEventNamesToASubscriptionThatUsedThem() throws Exception {
        // given seed 003's request
        WebhookReceiver chat = receiver();
        WebhookReceiver canonical = receiver();
        String id = subscribe(Map.of(
                        "url",
                        chat.url("/webhooks/chatflow"),
                        "events",
                        List.of("chat.created", "chat.closed", "message.sent"),
                        "secret",
                        SECRET))
                .path("id")
                .asString();
        subscribe(Map.of("url", canonical.url("/hooks"), "events", List.of("conversation.created")));

        // when
        String conversationId = startConversation("Hello");

        // then each subscription hears the event by its own name
        // the greeting's message.sent may arrive first or in the same instant: wait for the chat.created delivery
        Received delivery =
                chat
                        .await(r -> r.stream()
                                .anyMatch(d -> d.json().path("event").asString().equals("chat.created")))
                        .stream()
                        .filter(d -> d.json().path("event").asString().equals("chat.created"))
                        .findFirst()
                        .orElseThrow();
        assertThat(delivery.json().path("event").asString()).isEqualTo("chat.created");
        assertThat(delivery.header("X-Webhook-Event")).isEqualTo("chat.created");
        assertThat(delivery.json().at("/data/conversation_id").asString()).isEqualTo(conversationId);
        assertThat(python(delivery.body(), delivery.header("X-Webhook-Signature")))
                .isEqualTo("True");
        Received other = canonical.await(r -> r.size() == 1).getFirst();
        assertThat(other.json().path("event").asString()).isEqualTo("conversation.created");
        assertThat(other.eventId()).isEqualTo(delivery.eventId());

        JsonNode listed = api.get("/v1/webhooks").json().path("data");
        assertThat(listed.valueStream()
                        .filter(w -> w.path("id").asString().equals(id))
                        .findFirst()
                        .orElseThrow()
                        .path("events")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactly("chat.created", "chat.closed", "message.sent");
        JsonNode logged = api.get("/v1/webhooks/" + id + "/deliveries").json().path("data");
        assertThat(logged.valueStream().map(d -> d.path("event_type").asString()))
                .contains("chat.created")
                .doesNotContain("conversation.created");
    }

    private WebhookReceiver receiver() throws Exception {
        WebhookReceiver receiver = WebhookReceiver.on("127.0.0.2");
        receivers.add(receiver);
        return receiver;
    }

    private JsonNode subscribe(Map<String, Object> request) {
        Api.Response created = api.post("/v1/webhooks", request);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private String startConversation(String message) {
        Api.Response created =
                api.post("/v1/conversations", Map.of("customer_email", "ada@example.com", "initial_message", message));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("conversation_id").asString();
    }

    private static void assertInvalidFormat(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_request");
        assertThat(response.json().at("/error/details/field").asString()).isEqualTo("signature_format");
        assertThat(response.json().at("/error/details/allowed").valueStream().map(JsonNode::asString))
                .containsExactly("sha256_prefixed", "hex");
    }

    /** Seed 002's Python verifier on the body as received: {@code True} or {@code False}. */
    private static String python(String body, String signature) throws Exception {
        return run("python3", SNIPPETS.resolve("002/receive.py"), body, signature);
    }

    /** Seed 000's Node verifier on the parsed body: {@code true}, {@code false}, or what it threw. */
    private static String node(String body, String signature) throws Exception {
        return run("node", SNIPPETS.resolve("000/receive.js"), body, signature);
    }

    private static String run(String interpreter, Path script, String body, String signature) throws Exception {
        Path bodyFile = Files.createTempFile("delivery", ".json");
        try {
            Files.writeString(bodyFile, body, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(interpreter, script.toString(), bodyFile.toString(), signature, SECRET)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            return output.strip();
        } finally {
            Files.deleteIfExists(bodyFile);
        }
    }
}
