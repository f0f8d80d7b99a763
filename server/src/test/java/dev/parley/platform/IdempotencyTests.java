package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.Concurrently;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiTest
@Tag("database")
class IdempotencyTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    TestWorkspace workspace;
    Api api;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
    }

    @Test
    void answersARetryWithTheFirstResponseAndDoesTheWorkOnce() {
        Api once = api.withHeader("Idempotency-Key", "create-zapier-key");
        Map<String, Object> body = Map.of("name", "Zapier", "mode", "test");

        Api.Response first = once.post("/v1/api-keys", body);
        Api.Response retry = once.post("/v1/api-keys", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(keyNames()).containsOnlyOnce("Zapier");
        // the secret was shown once: the stored response (and so the replay) only has it masked
        String secret = first.json().path("key").asString();
        assertThat(retry.json().path("key").asString())
                .isEqualTo(secret.substring(0, 12) + "…" + secret.substring(secret.length() - 4));
        assertThat(jdbc.sql("SELECT response_body FROM idempotency_records WHERE idempotency_key = 'create-zapier-key'")
                        .query(String.class)
                        .list())
                .noneMatch(stored -> stored.contains(secret));
    }

    @Test
    void refusesTheSameKeyWithAnotherRequest() {
        Api once = api.withHeader("Idempotency-Key", "reused-key");
        once.post("/v1/api-keys", Map.of("name", "first"));

        Api.Response other = once.post("/v1/api-keys", Map.of("name", "second"));

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.errorCode()).isEqualTo("idempotency_key_reused");
        assertThat(keyNames()).doesNotContain("second");
    }

    @Test
    void runsConcurrentRetriesOnceAndAnswersTheRestConsistently() {
        Api once = api.withHeader("Idempotency-Key", "concurrent-retries");

        List<Api.Response> responses =
                Concurrently.run(8, i -> once.post("/v1/api-keys", Map.of("name", "raced", "mode", "test")));

        Set<String> createdIds = responses.stream()
                .filter(r -> r.status() == 201)
                .map(r -> r.json().path("id").asString())
                .collect(Collectors.toSet());
        assertThat(createdIds).hasSize(1);
        assertThat(responses)
                .allSatisfy(
                        r -> assertThat(r.status() == 201 || r.errorCode().equals("idempotency_request_in_progress"))
                                .as(r.toString())
                                .isTrue());
        assertThat(keyNames().stream().filter("raced"::equals)).hasSize(1);
    }

    @Test
    void keepsKeysApartBetweenWorkspaces() {
        TestWorkspace other = fixtures.workspace();
        Map<String, Object> body = Map.of("name", "shared-idempotency-key", "mode", "test");

        Api.Response mine = api.withHeader("Idempotency-Key", "same").post("/v1/api-keys", body);
        Api.Response theirs = Api.at(port)
                .withKey(other.liveKey())
                .withHeader("Idempotency-Key", "same")
                .post("/v1/api-keys", body);

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.json().path("id").asString())
                .isNotEqualTo(mine.json().path("id").asString());
        assertThat(theirs.header("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void doesNotStoreClientErrorsAsSuccessButReplaysThem() {
        Api once = api.withHeader("Idempotency-Key", "bad-request");

        Api.Response first = once.post("/v1/api-keys", Map.of("type", "magic"));
        Api.Response retry = once.post("/v1/api-keys", Map.of("type", "magic"));

        assertThat(first.status()).isEqualTo(400);
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
    }

    private List<String> keyNames() {
        return api.get("/v1/api-keys?per_page=100")
                .json()
                .path("data")
                .valueStream()
                .map(k -> k.path("name").asString())
                .toList();
    }
}
