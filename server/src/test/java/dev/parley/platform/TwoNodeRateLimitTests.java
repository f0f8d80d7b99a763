package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ParleyApplication;
import dev.parley.support.Api;
import dev.parley.support.Concurrently;
import dev.parley.support.TestClock;
import dev.parley.support.TestDatabase;
import dev.parley.support.TestSupportConfiguration;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes of Parley on one database and the Redis on 127.0.0.1:6379 enforce one limit: a key's burst of 20 per
 * second is shared, whichever node a request reaches.
 */
class TwoNodeRateLimitTests {

    static final String REDIS = System.getProperty("parley.test.redis.url", "redis://127.0.0.1:6379");

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    final TestClock clock = TestClock.shared();

    @BeforeAll
    static void startTwoNodes() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.h2("two_nodes"));
        properties.put("parley.redis.url", REDIS);
        properties.put("server.port", "0");
        properties.put("parley.tenancy.bootstrap-admin-key", TenancyFixtures.ADMIN_KEY);
        properties.put("logging.level.root", "WARN");
        properties.put("parley.knowledge.index-path", "memory");
        first = node(properties);
        second = node(properties);
    }

    private static ConfigurableApplicationContext node(Map<String, Object> properties) {
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ParleyApplication.class, TestSupportConfiguration.class).run(arguments);
    }

    @AfterAll
    static void stopNodes() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @AfterEach
    void resume() {
        clock.resume();
    }

    @Test
    void sharesOneBurstLimitAcrossNodes() {
        TestStore store = first.getBean(TenancyFixtures.class).store();
        Api a = Api.at(port(first)).withKey(store.liveKey());
        Api b = Api.at(port(second)).withKey(store.liveKey());
        clock.freeze();

        List<Api.Response> responses = Concurrently.run(40, i -> (i % 2 == 0 ? a : b).get("/v1/stores/" + store.id()));

        assertThat(responses.stream().filter(r -> r.status() == 200).count()).isEqualTo(20);
        assertThat(responses.stream().filter(r -> r.status() == 429).count()).isEqualTo(20);
        clock.advance(Duration.ofSeconds(1));
        assertThat(b.get("/v1/stores/" + store.id()).status()).isEqualTo(200);
    }

    @Test
    void reportsRedisInHealth() {
        Api.Response health = Api.at(port(second)).get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().at("/checks/redis").asString()).isEqualTo("healthy");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
