package dev.parley.commerce.internal;

import dev.parley.platform.DependencyCheck;
import dev.parley.platform.DependencyCheck.Status;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the connected stores answer, per platform, for {@code /health} (seed 004's {@code checks.shopify}):
 * {@code not_configured} while no workspace of this installation connects one, {@code unchecked} until this node
 * first calls one, then how the last call went (degraded after it failed with its retries, until a call succeeds).
 * Not critical: Parley answers without its stores.
 */
@Configuration(proxyBeanMethods = false)
class StoreHealth {

    private final Predicate<String> connected;
    private final Map<String, Boolean> lastCallSucceeded = new ConcurrentHashMap<>();

    @Autowired
    StoreHealth(StoreConnectionRows connections) {
        this(connections::anyOn);
    }

    /** {@code connected} tells whether any workspace connects a store of the platform. */
    StoreHealth(Predicate<String> connected) {
        this.connected = connected;
    }

    void succeeded(String platform) {
        lastCallSucceeded.put(platform, true);
    }

    void failed(String platform) {
        lastCallSucceeded.put(platform, false);
    }

    Status status(String platform) {
        if (!connected.test(platform)) {
            return Status.NOT_CONFIGURED;
        }
        Boolean succeeded = lastCallSucceeded.get(platform);
        if (succeeded == null) {
            return Status.UNCHECKED;
        }
        return succeeded ? Status.HEALTHY : Status.DEGRADED;
    }

    @Bean
    DependencyCheck shopifyCheck() {
        return check("shopify");
    }

    @Bean
    DependencyCheck woocommerceCheck() {
        return check("woocommerce");
    }

    private DependencyCheck check(String platform) {
        return new DependencyCheck() {
            @Override
            public String name() {
                return platform;
            }

            @Override
            public Status check() {
                return status(platform);
            }

            @Override
            public boolean critical() {
                return false;
            }
        };
    }
}
