package dev.parley.commerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.DependencyCheck.Status;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoreHealthTests {

    @Test
    void reportsAPlatformNoWorkspaceConnectsAsNotConfigured() {
        StoreHealth health = new StoreHealth(Set.of("shopify")::contains);

        assertThat(health.status("woocommerce")).isEqualTo(Status.NOT_CONFIGURED);
    }

    @Test
    void neverReportsAConnectedStoreNobodyCalledAsHealthy() {
        StoreHealth health = new StoreHealth(Set.of("shopify")::contains);

        assertThat(health.status("shopify")).isEqualTo(Status.UNCHECKED);
    }

    @Test
    void followsTheLastCallToAConnectedStore() {
        StoreHealth health = new StoreHealth(Set.of("shopify")::contains);

        health.failed("shopify");
        Status afterFailure = health.status("shopify");
        health.succeeded("shopify");

        assertThat(afterFailure).isEqualTo(Status.DEGRADED);
        assertThat(health.status("shopify")).isEqualTo(Status.HEALTHY);
    }

    @Test
    void forgetsALastCallOnceNoWorkspaceConnectsThePlatform() {
        StoreHealth health = new StoreHealth(platform -> false);

        health.failed("woocommerce");

        assertThat(health.status("woocommerce")).isEqualTo(Status.NOT_CONFIGURED);
    }
}
