package dev.parley.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Seed 003's webhook subscriptions: create, list, get, change, rotate the secret, delete; and every mistake a 4xx. */
@ApiTest
@Tag("database")
class WebhookApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    TestWorkspace workspace;
    Api api;
    WebhookReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
        receiver = WebhookReceiver.on("127.0.0.2");
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void createsListsChangesAndDeletesASubscriptionInSeed003Shape() {
        // given seed 003's own request, with its names for conversation events
        Api.Response created = api.post(
                "/v1/webhooks",
                Map.of(
                        "url", receiver.url("/webhooks/chatflow"),
                        "events", List.of("chat.created", "chat.closed", "message.sent"),
                        "secret", "your_webhook_secret"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode webhook = created.json();
        String id = webhook.path("id").asString();
        assertThat(id).startsWith("wh_");
        assertThat(webhook.path("url").asString()).isEqualTo(receiver.url("/webhooks/chatflow"));
        assertThat(webhook.path("events").valueStream().map(JsonNode::asString))
                .as("seed 003's names, as given")
                .containsExactly("chat.created", "chat.closed", "message.sent");
        assertThat(webhook.path("signature_format").asString()).isEqualTo("sha256_prefixed");
        assertThat(webhook.path("active").asBoolean()).isTrue();
        assertThat(webhook.path("secret").asString()).startsWith("whsec_****").endsWith("cret");
        assertThat(webhook.path("created_at").asString()).isNotBlank();

        // when listed and read
        JsonNode listed = api.get("/v1/webhooks").json();
        assertThat(listed.path("data").valueStream().map(w -> w.path("id").asString()))
                .containsExactly(id);
        assertThat(api.get("/v1/webhooks/" + id).json().path("secret").asString())
                .doesNotContain("your_webhook");

        // when changed
        Api.Response changed = api.patch(
                "/v1/webhooks/" + id, Map.of("events", List.of("*"), "active", false, "url", receiver.url("/other")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("events").valueStream().map(JsonNode::asString))
                .containsExactly("*");
        assertThat(changed.json().path("active").asBoolean()).isFalse();
        assertThat(api.get("/v1/webhooks/" + id).json().path("url").asString()).isEqualTo(receiver.url("/other"));

        // when deleted
        Api.Response deleted = api.delete("/v1/webhooks/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("deleted").asBoolean()).isTrue();
        assertThat(api.get("/v1/webhooks/" + id).status()).isEqualTo(404);
        assertThat(api.get("/v1/webhooks").json().path("data").size()).isZero();
    }

    @Test
    void showsAGeneratedSecretOnceAndRotatesIt() {
        JsonNode created = api.post(
                        "/v1/webhooks", Map.of("url", receiver.url("/hook"), "events", List.of("message.received")))
                .json();
        String id = created.path("id").asString();
        String secret = created.path("secret").asString();
        assertThat(secret).startsWith("whsec_").doesNotContain("*").hasSize("whsec_".length() + 32);

        String masked = api.get("/v1/webhooks/" + id).json().path("secret").asString();
        assertThat(masked).startsWith("whsec_****").endsWith(secret.substring(secret.length() - 4));
        assertThat(masked).isNotEqualTo(secret);

        Api.Response rotated = api.post("/v1/webhooks/" + id + "/rotate-secret", null);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String fresh = rotated.json().path("secret").asString();
        assertThat(fresh).startsWith("whsec_").doesNotContain("*").isNotEqualTo(secret);
        assertThat(api.get("/v1/webhooks/" + id).json().path("secret").asString())
                .endsWith(fresh.substring(fresh.length() - 4));
    }

    @Test
    void answersEveryClientMistakeWithA4xx() {
        String url = receiver.url("/hook");
        Map<String, Object> valid = Map.of("url", url, "events", List.of("conversation.created"));

        assertThat(api.post("/v1/webhooks", Map.of("events", List.of("conversation.created")))
                        .errorCode())
                .isEqualTo("missing_field");
        assertThat(api.post("/v1/webhooks", Map.of("url", url)).errorCode()).isEqualTo("missing_field");
        assertInvalid(api.post("/v1/webhooks", with(valid, "url", "ftp://127.0.0.2/hook")), "url");
        assertInvalid(api.post("/v1/webhooks", with(valid, "url", "not a url")), "url");
        assertInvalid(api.post("/v1/webhooks", with(valid, "url", "http://user:pass@127.0.0.2/hook")), "url");
        Api.Response blocked = api.post("/v1/webhooks", with(valid, "url", "http://127.0.0.1:9/hook"));
        assertInvalid(blocked, "url");
        assertThat(blocked.json().at("/error/details/reason").asString()).isEqualTo("blocked_target");
        assertInvalid(api.post("/v1/webhooks", with(valid, "url", "http://169.254.169.254/latest")), "url");
        Api.Response unknownEvent = api.post("/v1/webhooks", with(valid, "events", List.of("order.exploded")));
        assertInvalid(unknownEvent, "events");
        assertThat(unknownEvent.json().at("/error/details/value").asString()).isEqualTo("order.exploded");
        assertThat(unknownEvent.json().at("/error/details/allowed").toString()).contains("conversation.escalated");
        assertInvalid(api.post("/v1/webhooks", with(valid, "events", List.of())), "events");
        assertInvalid(api.post("/v1/webhooks", with(valid, "secret", "short")), "secret");
        assertThat(api.post("/v1/webhooks", "{\"url\":").status()).isEqualTo(400);
        assertThat(api.post("/v1/webhooks", with(valid, "colour", "blue")).status())
                .isEqualTo(400);
        assertThat(api.post("/v1/webhooks", with(valid, "events", "conversation.created"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/v1/webhooks", null).status()).isEqualTo(400);

        String id = api.post("/v1/webhooks", valid).json().path("id").asString();
        // a key of its own: the requests above spend most of the first key's burst of 20 a second
        Api later = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.LIVE));
        assertThat(later.patch("/v1/webhooks/" + id, Map.of("active", "perhaps"))
                        .status())
                .isEqualTo(400);
        assertInvalid(later.patch("/v1/webhooks/" + id, Map.of("url", "javascript:alert(1)")), "url");
        assertInvalid(later.patch("/v1/webhooks/" + id, Map.of("events", List.of("nope"))), "events");
        assertThat(later.get("/v1/webhooks/" + id + "/deliveries?status=lost").status())
                .isEqualTo(400);
        assertThat(later.get("/v1/webhooks/" + id + "/deliveries?per_page=1000").status())
                .isEqualTo(400);
        assertThat(later.post("/v1/webhooks/" + id + "/rotate-secret", Map.of("secret", "x"))
                        .status())
                .isEqualTo(400);
        assertThat(later.get("/v1/webhooks/wh_doesNotExist").status()).isEqualTo(404);
        assertThat(later.post("/v1/webhooks/" + id + "/deliveries/dlv_nope/redeliver", null)
                        .status())
                .isEqualTo(404);

        Api.Response deactivated = later.patch("/v1/webhooks/" + id, Map.of("active", false));
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        Api.Response inactiveTest = later.post("/v1/webhooks/" + id + "/test", null);
        assertThat(inactiveTest.status()).isEqualTo(409);
        assertThat(inactiveTest.json().at("/error/details/reason").asString()).isEqualTo("webhook_inactive");
    }

    @Test
    void keepsSubscriptionsInsideTheirWorkspaceAndMode() {
        String id = api.post("/v1/webhooks", Map.of("url", receiver.url("/hook"), "events", List.of("*")))
                .json()
                .path("id")
                .asString();

        Api other = Api.at(port).withKey(fixtures.workspace().liveKey());
        Api testMode = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.TEST));
        for (Api outsider : List.of(other, testMode)) {
            assertThat(outsider.get("/v1/webhooks/" + id).status()).isEqualTo(404);
            assertThat(outsider.patch("/v1/webhooks/" + id, Map.of("active", false))
                            .status())
                    .isEqualTo(404);
            assertThat(outsider.post("/v1/webhooks/" + id + "/test", null).status())
                    .isEqualTo(404);
            assertThat(outsider.post("/v1/webhooks/" + id + "/rotate-secret", null)
                            .status())
                    .isEqualTo(404);
            assertThat(outsider.get("/v1/webhooks/" + id + "/deliveries").status())
                    .isEqualTo(404);
            assertThat(outsider.delete("/v1/webhooks/" + id).status()).isEqualTo(404);
            assertThat(outsider.get("/v1/webhooks").json().path("data").size()).isZero();
        }
        assertThat(api.get("/v1/webhooks/" + id).json().path("active").asBoolean())
                .isTrue();
    }

    @Test
    void needsTheWebhookScopes() {
        Api reader = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.LIVE, Scope.WEBHOOKS_READ));
        Api other = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.LIVE, Scope.CONVERSATIONS_READ));

        assertThat(reader.get("/v1/webhooks").status()).isEqualTo(200);
        Api.Response refused =
                reader.post("/v1/webhooks", Map.of("url", receiver.url("/hook"), "events", List.of("*")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().at("/error/details/required_permission").asString())
                .isEqualTo("webhooks:write");
        assertThat(other.get("/v1/webhooks").status()).isEqualTo(403);
    }

    @Test
    void leavesTheInboundWebhookPathsOfCommerceAlone() {
        for (String path : List.of("/v1/webhooks/shopify", "/v1/webhooks/gorgias", "/v1/webhooks/woocommerce")) {
            Api.Response response = api.get(path);
            assertThat(response.json().at("/error/details/resource").isMissingNode())
                    .as(response.toString())
                    .isTrue();
        }
        Api.Response shopify = api.post("/v1/webhooks/shopify/orders", Map.of("id", 1));
        assertThat(shopify.json().at("/error/details/resource").isMissingNode())
                .as(shopify.toString())
                .isTrue();
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static void assertInvalid(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_request");
        assertThat(response.json().at("/error/details/field").asString()).isEqualTo(field);
    }
}
