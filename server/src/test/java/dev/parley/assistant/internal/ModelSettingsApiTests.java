package dev.parley.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.ScriptedOpenAiServerForTests;
import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code /v1/assistant/model}: the workspace's language model, its API key write-only and encrypted at rest. */
@ApiTest
@Tag("database")
class ModelSettingsApiTests {

    static final String API_KEY = "sk-proj-VerySecretProviderKey-0123456789";
    /** Where the scripted model would listen; nothing needs to answer for settings to be stored. */
    static final String BASE_URL = "http://127.0.0.2:9/v1";

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    TestWorkspace workspace;
    Api api;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
    }

    @Test
    void storesTheApiKeyEncryptedAndNeverReturnsIt() {
        Api.Response put = api.send("PUT", "/v1/assistant/model", settings(BASE_URL, API_KEY));
        Api.Response get = api.get("/v1/assistant/model");

        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(get.status()).isEqualTo(200);
        for (Api.Response response : List.of(put, get)) {
            assertThat(response.text()).doesNotContain(API_KEY).doesNotContain("VerySecret");
            assertThat(response.json().path("api_key_set").asBoolean()).isTrue();
            assertThat(response.json().has("api_key")).isFalse();
            assertThat(response.json().path("provider").asString()).isEqualTo("openai_compatible");
            assertThat(response.json().path("base_url").asString()).isEqualTo(BASE_URL);
            assertThat(response.json().path("model").asString()).isEqualTo(ScriptedOpenAiServerForTests.MODEL);
            assertThat(response.json().path("timeout_seconds").asDouble()).isEqualTo(20.0);
        }
        String stored = jdbc.sql("SELECT api_key_encrypted FROM assistant_models WHERE workspace_id = ?")
                .param(workspace.id())
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain(API_KEY).doesNotContain("VerySecret");
    }

    @Test
    void refusesBaseUrlsThatLeadToPrivateLoopbackOrMetadataAddresses() {
        for (String url : List.of(
                "http://127.0.0.1:8080/v1",
                "http://localhost:11434/v1",
                "http://10.0.0.5/v1",
                "http://192.168.1.10:8000/v1",
                "http://169.254.169.254/latest",
                "http://[::1]:8000/v1")) {
            Api.Response response = api.send("PUT", "/v1/assistant/model", settings(url, API_KEY));

            assertThat(response.status()).as(url).isEqualTo(400);
            assertThat(response.json()
                            .path("error")
                            .path("details")
                            .path("reason")
                            .asString())
                    .as(url)
                    .isEqualTo("blocked_target");
        }
        Api.Response notHttp = api.send("PUT", "/v1/assistant/model", settings("file:///etc/passwd", API_KEY));
        assertThat(notHttp.status()).isEqualTo(400);
        assertThat(api.get("/v1/assistant/model").json().path("provider").asString())
                .isEqualTo("none");
    }

    @Test
    void validatesProviderModelTemperatureAndTimeout() {
        assertThat(api.send("PUT", "/v1/assistant/model", Map.of("provider", "skynet", "model", "x"))
                        .status())
                .isEqualTo(400);
        assertThat(api.send("PUT", "/v1/assistant/model", Map.of("provider", "openai", "model", "gpt-4o-mini"))
                        .errorCode())
                .isEqualTo("missing_field");
        assertThat(api.send("PUT", "/v1/assistant/model", Map.of("provider", "openai_compatible", "model", "m"))
                        .errorCode())
                .isEqualTo("missing_field");
        Map<String, Object> hot = settings(BASE_URL, API_KEY);
        hot.put("temperature", 3);
        assertThat(api.send("PUT", "/v1/assistant/model", hot).status()).isEqualTo(400);
        Map<String, Object> slow = settings(BASE_URL, API_KEY);
        slow.put("timeout_seconds", 3600);
        assertThat(api.send("PUT", "/v1/assistant/model", slow).status()).isEqualTo(400);
    }

    @Test
    void keepsTheStoredKeyOnlyWhileProviderAndUrlStayTheSame() {
        api.send("PUT", "/v1/assistant/model", settings(BASE_URL, API_KEY));

        Map<String, Object> warmer = settings(BASE_URL, null);
        warmer.put("temperature", 0.7);
        Api.Response sameTarget = api.send("PUT", "/v1/assistant/model", warmer);
        Api.Response newTarget = api.send("PUT", "/v1/assistant/model", settings("http://127.0.0.2:10/v1", null));

        assertThat(sameTarget.json().path("api_key_set").asBoolean()).isTrue();
        assertThat(sameTarget.json().path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(newTarget.json().path("api_key_set").asBoolean()).isFalse();
    }

    @Test
    void needsSettingsWriteToChangeItAndSettingsReadToSeeIt() {
        Api reader = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.LIVE, Scope.SETTINGS_READ));
        Api outsider = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.LIVE, Scope.CONVERSATIONS_READ));

        assertThat(reader.send("PUT", "/v1/assistant/model", settings(BASE_URL, API_KEY))
                        .status())
                .isEqualTo(403);
        assertThat(reader.delete("/v1/assistant/model").status()).isEqualTo(403);
        assertThat(reader.get("/v1/assistant/model").status()).isEqualTo(200);
        assertThat(outsider.get("/v1/assistant/model").status()).isEqualTo(403);
    }

    @Test
    void isTheWorkspacesOwnAndDeletingItGoesBackToOffline() {
        TestWorkspace other = fixtures.workspace();
        api.send("PUT", "/v1/assistant/model", settings(BASE_URL, API_KEY));

        Api.Response othersView = Api.at(port).withKey(other.liveKey()).get("/v1/assistant/model");
        Api.Response deleted = api.delete("/v1/assistant/model");

        assertThat(othersView.json().path("provider").asString()).isEqualTo("none");
        assertThat(othersView.json().path("api_key_set").asBoolean()).isFalse();
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(api.get("/v1/assistant/model").json().path("provider").asString())
                .isEqualTo("none");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assistant_models WHERE workspace_id = ?")
                        .param(workspace.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static Map<String, Object> settings(String baseUrl, String apiKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", "openai_compatible");
        body.put("base_url", baseUrl);
        body.put("model", ScriptedOpenAiServerForTests.MODEL);
        if (apiKey != null) {
            body.put("api_key", apiKey);
        }
        return body;
    }
}
