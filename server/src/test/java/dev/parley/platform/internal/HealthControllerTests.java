package dev.parley.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.DependencyCheck;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class HealthControllerTests {

    @Test
    void answers503WhenACriticalDependencyFails() {
        HealthController health =
                new HealthController(List.of(check("database", DependencyCheck.Status.UNHEALTHY, true)), noBuildInfo());

        var response = health.health();

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getBody().status()).isEqualTo("unhealthy");
    }

    @Test
    void staysUpButDegradedWhenAnOptionalDependencyFails() {
        HealthController health = new HealthController(
                List.of(
                        check("database", DependencyCheck.Status.HEALTHY, true),
                        check("shopify", DependencyCheck.Status.UNHEALTHY, false)),
                noBuildInfo());

        var response = health.health();

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody().status()).isEqualTo("degraded");
        assertThat(response.getBody().checks().toString()).contains("shopify=unhealthy");
    }

    @Test
    void listsWhatIsNotConfiguredOrNotCheckedWithoutCallingItHealthyOrFailing() {
        HealthController health = new HealthController(
                List.of(
                        check("database", DependencyCheck.Status.HEALTHY, true),
                        check("redis", DependencyCheck.Status.NOT_CONFIGURED, true),
                        check("shopify", DependencyCheck.Status.UNCHECKED, false)),
                noBuildInfo());

        var response = health.health();

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody().status()).isEqualTo("healthy");
        assertThat(response.getBody().checks().toString())
                .contains("redis=not_configured")
                .contains("shopify=unchecked");
    }

    @Test
    void reportsRedisAsNotConfiguredWithoutAUrl() {
        RedisCheck redis =
                new RedisCheck(new StaticListableBeanFactory().getBeanProvider(io.lettuce.core.RedisClient.class));

        assertThat(redis.name()).isEqualTo("redis");
        assertThat(redis.check()).isEqualTo(DependencyCheck.Status.NOT_CONFIGURED);
    }

    private static org.springframework.beans.factory.ObjectProvider<org.springframework.boot.info.BuildProperties>
            noBuildInfo() {
        return new StaticListableBeanFactory().getBeanProvider(org.springframework.boot.info.BuildProperties.class);
    }

    private static DependencyCheck check(String name, DependencyCheck.Status status, boolean critical) {
        return new DependencyCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Status check() {
                return status;
            }

            @Override
            public boolean critical() {
                return critical;
            }
        };
    }
}
