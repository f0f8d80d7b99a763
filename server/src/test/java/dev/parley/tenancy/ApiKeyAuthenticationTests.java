package dev.parley.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
@Tag("database")
class ApiKeyAuthenticationTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    Api api;
    TestWorkspace workspace;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        workspace = fixtures.workspace();
    }

    @Test
    void refusesARequestWithoutAKey() {
        Api.Response response = api.get("/v1/stores/" + workspace.id());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("invalid_api_key");
        assertThat(response.json().at("/error/details/reason").asString()).isEqualTo("missing");
        assertThat(response.header("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void refusesMalformedAndUnknownKeysAlike() {
        for (String key : List.of("nonsense", "sk_live_short", "sk_live_" + "x".repeat(32), "Basic abc")) {
            Api.Response response = api.withKey(key).get("/v1/stores/" + workspace.id());

            assertThat(response.status()).as(key).isEqualTo(401);
            assertThat(response.errorCode()).isEqualTo("invalid_api_key");
        }
    }

    @Test
    void acceptsTheKeyOfTheStoreAndShowsItsSettings() {
        Api.Response response = api.withKey(workspace.liveKey()).get("/v1/stores/" + workspace.id());

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("id").asString()).isEqualTo(workspace.id());
        assertThat(body.at("/settings/return_window_days").asInt()).isEqualTo(30);
        assertThat(body.at("/settings/working_hours/timezone").asString()).isEqualTo("UTC");
    }

    @Test
    void refusesARevokedKeyFromTheMomentItIsRevoked() {
        // given a second key that works
        String second = fixtures.key(workspace.id(), Mode.LIVE);
        assertThat(api.withKey(second).get("/v1/stores/" + workspace.id()).status())
                .isEqualTo(200);
        String secondId = api.withKey(workspace.liveKey())
                .get("/v1/api-keys")
                .json()
                .path("data")
                .valueStream()
                .filter(k -> k.path("masked_key").asString().endsWith(second.substring(second.length() - 4)))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();

        // when
        Api.Response revoked = api.withKey(workspace.liveKey()).delete("/v1/api-keys/" + secondId);

        // then
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("revoked").asBoolean()).isTrue();
        Api.Response refused = api.withKey(second).get("/v1/stores/" + workspace.id());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().at("/error/details/reason").asString()).isEqualTo("revoked");
    }

    @Test
    void aKeyRevokesOnlyKeysHoldingNoMoreThanItHolds() {
        // given a key that may only manage keys, a stronger key and a weaker one
        String keysOnly = fixtures.key(workspace.id(), Mode.LIVE, Scope.KEYS_WRITE);
        Api manager = api.withKey(keysOnly);
        String strongerId = idOf(fixtures.key(workspace.id(), Mode.LIVE, Scope.KEYS_WRITE, Scope.SETTINGS_WRITE));
        String weakerId = idOf(fixtures.key(workspace.id(), Mode.LIVE, Scope.KEYS_WRITE));
        String widgetId = idOf(fixtures.publishableKey(workspace.id()));

        // when
        Api.Response stronger = manager.delete("/v1/api-keys/" + strongerId);
        Api.Response weaker = manager.delete("/v1/api-keys/" + weakerId);
        Api.Response widget = manager.delete("/v1/api-keys/" + widgetId);
        Api.Response stronglyMade =
                manager.post("/v1/api-keys", Map.of("scopes", List.of("keys:write", "settings:write")));

        // then
        assertThat(stronger.status()).as(stronger.toString()).isEqualTo(403);
        assertThat(stronger.json().at("/error/details/required_permission").asString())
                .isEqualTo("settings:write");
        assertThat(api.withKey(workspace.liveKey())
                        .get("/v1/api-keys/" + strongerId)
                        .json()
                        .path("revoked")
                        .asBoolean())
                .isFalse();
        assertThat(weaker.status()).isEqualTo(200);
        assertThat(widget.status()).isEqualTo(200);
        assertThat(stronglyMade.status()).isEqualTo(403);
    }

    private String idOf(String secret) {
        return api.withKey(workspace.liveKey())
                .get("/v1/api-keys?per_page=100")
                .json()
                .path("data")
                .valueStream()
                .filter(k -> k.path("masked_key").asString().endsWith(secret.substring(secret.length() - 4)))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
    }

    @Test
    void refusesAKeyWithoutTheRequiredPermission() {
        String readOnly = fixtures.key(workspace.id(), Mode.LIVE, Scope.CONVERSATIONS_READ);

        Api.Response response = api.withKey(readOnly).get("/v1/stores/" + workspace.id());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("insufficient_permissions");
        assertThat(response.json().at("/error/details/required_permission").asString())
                .isEqualTo("settings:read");
    }

    @Test
    void answersAnotherWorkspacesStoreAsNotFound() {
        TestWorkspace other = fixtures.workspace();

        Api.Response read = api.withKey(workspace.liveKey()).get("/v1/stores/" + other.id());
        Api.Response write =
                api.withKey(workspace.liveKey()).patch("/v1/stores/" + other.id(), Map.of("name", "Taken over"));

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.errorCode()).isEqualTo("not_found");
        assertThat(write.status()).isEqualTo(404);
        assertThat(api.withKey(other.liveKey())
                        .get("/v1/stores/" + other.id())
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo("Test store");
    }

    @Test
    void listsOnlyTheCallersOwnStoreUnlessThePlatformAdminAsks() {
        fixtures.workspace();

        JsonNode own = api.withKey(workspace.liveKey()).get("/v1/stores").json();
        JsonNode all = api.withKey(TenancyFixtures.ADMIN_KEY)
                .get("/v1/stores?per_page=100")
                .json();

        assertThat(own.path("data").valueStream().map(s -> s.path("id").asString()))
                .containsExactly(workspace.id());
        assertThat(own.at("/pagination/total_count").asLong()).isEqualTo(1);
        assertThat(all.at("/pagination/total_count").asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void keepsTestKeysAwayFromLiveData() {
        String testKey = fixtures.key(workspace.id(), Mode.TEST);
        String liveKeyId = api.withKey(workspace.liveKey())
                .get("/v1/api-keys")
                .json()
                .path("data")
                .valueStream()
                .filter(k -> k.path("mode").asString().equals("live"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();

        JsonNode testList = api.withKey(testKey).get("/v1/api-keys").json();
        Api.Response liveKeyByTestKey = api.withKey(testKey).get("/v1/api-keys/" + liveKeyId);
        Api.Response revokeLiveByTestKey = api.withKey(testKey).delete("/v1/api-keys/" + liveKeyId);
        Api.Response liveKeyFromTestKey = api.withKey(testKey).post("/v1/api-keys", Map.of("mode", "live"));
        Api.Response settingsFromTestKey = api.withKey(testKey)
                .patch("/v1/stores/" + workspace.id(), Map.of("settings", Map.of("auto_refund_limit", 5000)));

        assertThat(testList.path("data").valueStream().map(k -> k.path("mode").asString()))
                .isNotEmpty()
                .containsOnly("test");
        assertThat(liveKeyByTestKey.status()).isEqualTo(404);
        assertThat(revokeLiveByTestKey.status()).isEqualTo(404);
        assertThat(liveKeyFromTestKey.status()).isEqualTo(403);
        assertThat(settingsFromTestKey.status()).isEqualTo(403);
        assertThat(api.withKey(workspace.liveKey())
                        .get("/v1/stores/" + workspace.id())
                        .json()
                        .at("/settings/auto_refund_limit")
                        .decimalValue())
                .isEqualByComparingTo("50");
        assertThat(api.withKey(workspace.liveKey())
                        .get("/v1/stores/" + workspace.id())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void createsKeysShownOnceAndMaskedAfterwards() {
        Api.Response created = api.withKey(workspace.liveKey())
                .post(
                        "/v1/api-keys",
                        Map.of("name", "Zapier", "mode", "test", "scopes", List.of("conversations:read")));

        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().path("key").asString();
        assertThat(secret).matches("sk_test_[A-Za-z0-9]{32}");
        JsonNode listed = api.withKey(workspace.liveKey())
                .get("/v1/api-keys/" + created.json().path("id").asString())
                .json();
        assertThat(listed.has("key")).isFalse();
        assertThat(listed.path("masked_key").asString()).isEqualTo(secret.substring(0, 8) + "…" + secret.substring(36));
        assertThat(listed.path("scopes").valueStream().map(JsonNode::asString)).containsExactly("conversations:read");
        assertThat(api.withKey(secret).get("/v1/stores/" + workspace.id()).status())
                .isEqualTo(403);
    }

    @Test
    void servesSeed000sGenerateKeyAsTheSameCreate() {
        Api.Response created =
                api.withKey(workspace.liveKey()).post("/api/auth/generate-key", Map.of("name", "seed 000"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(api.withKey(created.json().path("key").asString())
                        .get("/v1/stores/" + workspace.id())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void neverGrantsMoreThanTheCallerHolds() {
        String narrow = fixtures.key(workspace.id(), Mode.LIVE, Scope.KEYS_WRITE, Scope.CONVERSATIONS_READ);

        Api.Response wider = api.withKey(narrow).post("/v1/api-keys", Map.of("scopes", List.of("settings:write")));
        Api.Response admin =
                api.withKey(workspace.liveKey()).post("/v1/api-keys", Map.of("scopes", List.of("platform:admin")));
        Api.Response unknown =
                api.withKey(workspace.liveKey()).post("/v1/api-keys", Map.of("scopes", List.of("everything")));

        assertThat(wider.status()).isEqualTo(403);
        assertThat(admin.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/error/details/field").asString()).isEqualTo("scopes");
    }

    @Test
    void letsPublishableKeysDoNothingButWidgetWork() {
        String publishable = fixtures.publishableKey(workspace.id());

        Api.Response response = api.withKey(publishable).get("/v1/stores/" + workspace.id());

        assertThat(publishable).startsWith("pk_live_");
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void refusesPublishableKeysFromForeignOrigins() {
        TestWorkspace shop = fixtures.workspace("starter", "shop.example");
        String publishable = fixtures.publishableKey(shop.id());

        Api.Response foreign = api.withKey(publishable)
                .withHeader("Origin", "https://evil.example")
                .get("/v1/stores/" + shop.id());
        Api.Response own = api.withKey(publishable)
                .withHeader("Origin", "https://shop.example")
                .get("/v1/stores/" + shop.id());

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.errorCode()).isEqualTo("domain_not_configured");
        assertThat(own.status())
                .as("allowed origin, but no widget endpoint here")
                .isEqualTo(403);
        assertThat(own.errorCode()).isEqualTo("insufficient_permissions");
    }

    @Test
    void choosesOneOfTheStoresDomainsWithXDomain() {
        TestWorkspace shop = fixtures.workspace("starter", "shop.example", "*.shop.example");

        Api.Response own = api.withKey(shop.liveKey())
                .withHeader("X-Domain", "eu.shop.example")
                .get("/v1/stores/" + shop.id());
        Api.Response foreign = api.withKey(shop.liveKey())
                .withHeader("X-Domain", "other.example")
                .get("/v1/stores/" + shop.id());

        assertThat(own.status()).isEqualTo(200);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.errorCode()).isEqualTo("domain_not_configured");
        assertThat(foreign.json().at("/error/details/domain").asString()).isEqualTo("other.example");
    }
}
