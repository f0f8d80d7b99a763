package dev.parley.commerce.internal;

import dev.parley.platform.DependencyCheck;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the connected stores last answered, per platform, for {@code /health} (seed 004's {@code checks.shopify}): a
 * platform whose last call failed after its retries is degraded until a call succeeds. Not critical: Parley answers
 * without its stores.
 */
@Configuration(proxyBeanMethods = false)
class StoreHealth {

    private final Map<String, Boolean> lastCallSucceeded = new ConcurrentHashMap<>();

    void succeeded(String platform) {
        lastCallSucceeded.put(platform, true);
    }

    void failed(String platform) {
        lastCallSucceeded.put(platform, false);
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
                return lastCallSucceeded.getOrDefault(platform, true) ? Status.HEALTHY : Status.DEGRADED;
            }

            @Override
            public boolean critical() {
                return false;
            }
        };
    }
}
