package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.Concurrently;
import dev.parley.support.TestClock;
import dev.parley.support.TwoNodes;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes of Parley on one database and the Redis on 127.0.0.1:6379 enforce one limit: a key's burst of 20 per
 * second is shared, whichever node a request reaches.
 */
class TwoNodeRateLimitTests {

    static TwoNodes nodes;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    final TestClock clock = TestClock.shared();

    @BeforeAll
    static void startTwoNodes() {
        nodes = TwoNodes.start("two_nodes");
        first = nodes.first();
        second = nodes.second();
    }

    @AfterAll
    static void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @AfterEach
    void resume() {
        clock.resume();
    }

    @Test
    void sharesOneBurstLimitAcrossNodes() {
        TestWorkspace workspace = first.getBean(TenancyFixtures.class).workspace();
        Api a = Api.at(TwoNodes.port(first)).withKey(workspace.liveKey());
        Api b = Api.at(TwoNodes.port(second)).withKey(workspace.liveKey());
        clock.freeze();

        List<Api.Response> responses =
                Concurrently.run(40, i -> (i % 2 == 0 ? a : b).get("/v1/stores/" + workspace.id()));

        assertThat(responses.stream().filter(r -> r.status() == 200).count()).isEqualTo(20);
        assertThat(responses.stream().filter(r -> r.status() == 429).count()).isEqualTo(20);
        long retryAfter = responses.stream()
                .filter(r -> r.status() == 429)
                .mapToLong(r -> Long.parseLong(r.header("Retry-After").orElseThrow()))
                .max()
                .orElseThrow();
        clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(b.get("/v1/stores/" + workspace.id()).status()).isEqualTo(200);
    }

    @Test
    void reportsRedisInHealth() {
        Api.Response health = Api.at(TwoNodes.port(second)).get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().at("/checks/redis").asString()).isEqualTo("healthy");
    }
}
