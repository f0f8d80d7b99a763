package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.Concurrently;
import dev.parley.support.TestClock;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Exact counts of the default limits, in process, with the clock stopped so no token refills mid-test: 20 per second
 * per key, seed 001's per-minute classes, seed 002's hourly plan quota, and the per-IP limit for requests without a
 * key.
 */
@ApiTest
class RateLimitTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    final TestClock clock = TestClock.shared();

    @BeforeEach
    void freeze() {
        clock.freeze();
    }

    @AfterEach
    void resume() {
        clock.resume();
    }

    @Test
    void admitsExactlyTheBurstOf20PerSecondUnderConcurrentRequests() {
        TestWorkspace workspace = fixtures.workspace();
        Api api = Api.at(port).withKey(workspace.liveKey());

        List<Api.Response> responses = Concurrently.run(64, i -> api.get("/v1/stores/" + workspace.id()));

        Map<Integer, Long> byStatus = countByStatus(responses);
        assertThat(byStatus).containsEntry(200, 20L).containsEntry(429, 44L);
        Api.Response refused =
                responses.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(refused.errorCode()).isEqualTo("rate_limited");
        assertThat(refused.header("X-RateLimit-Limit")).contains("20");
        assertThat(refused.header("X-RateLimit-Remaining")).contains("0");
        // All 20 came at one instant (the clock stands still): they leave the window a second later.
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isEqualTo(1);

        clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(api.get("/v1/stores/" + workspace.id()).status()).isEqualTo(200);
    }

    @Test
    void reportsTheLimitThatWillRefuseNextOnEverySuccessfulResponse() {
        TestWorkspace workspace = fixtures.workspace("starter");
        Api api = Api.at(port).withKey(workspace.liveKey());
        long now = clock.instant().getEpochSecond();

        Api.Response first = api.get("/v1/stores/" + workspace.id());
        Api.Response second = api.get("/v1/stores/" + workspace.id());
        Api.Response creation = api.post("/v1/conversations", Map.of("initial_message", "Hello"));

        // Seed 002's starter plan: 1000 an hour, beside 1000 reads a minute; the hour comes back last.
        assertThat(first.header("X-RateLimit-Limit")).contains("1000");
        assertThat(first.header("X-RateLimit-Remaining")).contains("999");
        assertThat(second.header("X-RateLimit-Remaining")).contains("998");
        assertThat(Long.parseLong(second.header("X-RateLimit-Reset").orElseThrow()))
                .isBetween(now + 3600, now + 3600 + 72);
        // 99 of 100 creations a minute left is tighter than 997 of the hour.
        assertThat(creation.header("X-RateLimit-Limit")).contains("100");
        assertThat(creation.header("X-RateLimit-Remaining")).contains("99");
    }

    @Test
    void limitsConversationCreationTo100PerMinutePerKey() {
        TestWorkspace workspace = fixtures.workspace();
        Api api = Api.at(port).withKey(workspace.liveKey());

        // 20 a second (the burst cap) for six seconds: a refilling bucket let 5 more through; no minute admits 101.
        int admitted = 0;
        Api.Response refused = null;
        for (int second = 0; second < 6; second++) {
            List<Api.Response> responses = Concurrently.run(20, i -> api.post("/v1/conversations", Map.of()));
            admitted += (int) responses.stream().filter(r -> r.status() != 429).count();
            refused = responses.stream()
                    .filter(r -> r.status() == 429)
                    .findFirst()
                    .orElse(refused);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(admitted).isEqualTo(100);
        assertThat(refused).isNotNull();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("rate_limited");
        assertThat(refused.header("X-RateLimit-Limit")).contains("100");
        assertThat(refused.json().at("/error/details/window").asString()).isEqualTo("conversation_create");
        assertThat(api.get("/v1/stores/" + workspace.id()).status())
                .as("reads are another class")
                .isEqualTo(200);
    }

    @Test
    void enforcesTheHourlyQuotaOfTheFreePlan() {
        TestWorkspace workspace = fixtures.workspace("free");
        Api api = Api.at(port).withKey(workspace.liveKey());

        int admitted = 0;
        for (int second = 0; second < 6; second++) {
            admitted += (int) Concurrently.run(20, i -> api.get("/v1/stores/" + workspace.id())).stream()
                    .filter(r -> r.status() == 200)
                    .count();
            clock.advance(Duration.ofSeconds(1));
        }
        Api.Response refused = api.get("/v1/stores/" + workspace.id());

        assertThat(admitted).isEqualTo(100);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("quota_exceeded");
        assertThat(refused.header("X-RateLimit-Limit")).contains("100");
        // The first requests leave the hour's window an hour after the last of their slot (72 s) came, not before.
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(3600L - 6, 3600L);

        clock.advance(Duration.ofSeconds(retryAfter - 1));
        assertThat(api.get("/v1/stores/" + workspace.id()).status()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(1));
        assertThat(api.get("/v1/stores/" + workspace.id()).status()).isEqualTo(200);
    }

    @Test
    void limitsRequestsWithoutAKeyPerClientAddress() {
        Api anonymous = Api.at(port).withHeader("X-Forwarded-For", "203.0.113.7");
        Api another = Api.at(port).withHeader("X-Forwarded-For", "203.0.113.8");

        long refused = Concurrently.run(610, i -> anonymous.get("/v1/stores")).stream()
                .filter(r -> r.status() == 429)
                .count();
        Api.Response limited = anonymous.get("/v1/stores");

        assertThat(refused).isEqualTo(10);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("X-RateLimit-Limit")).contains("600");
        assertThat(another.get("/v1/stores").status())
                .as("another address has its own bucket")
                .isEqualTo(401);
    }

    private static Map<Integer, Long> countByStatus(List<Api.Response> responses) {
        return responses.stream().collect(Collectors.groupingBy(Api.Response::status, Collectors.counting()));
    }
}
