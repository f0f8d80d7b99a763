package dev.parley.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ParleyApplication;
import dev.parley.support.Api;
import dev.parley.support.TestDatabase;
import dev.parley.support.TestSupportConfiguration;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A client that waits for the port of a new installation to answer, then uses the admin key, is let in: the key
 * exists before the server takes its first request, not some time after.
 */
class BootstrapBeforeReadyTests {

    static final String ADMIN_KEY = "sk_live_FreshInstallKey00000000000000000";

    @Test
    void theAdminKeyWorksFromTheFirstRequestTheServerTakes() {
        AtomicReference<Api.Response> health = new AtomicReference<>();
        AtomicReference<Api.Response> stores = new AtomicReference<>();
        // The moment the server starts listening, before anything else of the start-up has run.
        ApplicationListener<WebServerInitializedEvent> firstClient = event -> {
            Api client = Api.at(event.getWebServer().getPort()).withTimeout(Duration.ofMinutes(1));
            health.set(client.get("/health"));
            stores.set(client.withKey(ADMIN_KEY).get("/v1/stores"));
        };

        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(
                        ParleyApplication.class, TestSupportConfiguration.class)
                .listeners(firstClient)
                .run(arguments())) {
            assertThat(node.isActive()).isTrue();
        }

        assertThat(health.get().status()).isEqualTo(200);
        assertThat(stores.get().status()).as(stores.get().toString()).isEqualTo(200);
        assertThat(stores.get().json().toString()).contains("Parley Demo Store");
    }

    private static String[] arguments() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.h2("bootstrap_before_ready"));
        properties.put("server.port", "0");
        properties.put("parley.tenancy.bootstrap-admin-key", ADMIN_KEY);
        properties.put("parley.knowledge.index-path", "memory");
        properties.put("logging.level.root", "WARN");
        return properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }
}
