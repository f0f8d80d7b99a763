package dev.parley.support;

import dev.parley.ParleyApplication;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Parley nodes in this JVM on one H2 database and the local Redis (127.0.0.1:6379), for what must cross nodes:
 * shared rate limits, live events. Each suite names its own database, so their nodes never share state.
 */
public record TwoNodes(ConfigurableApplicationContext first, ConfigurableApplicationContext second)
        implements AutoCloseable {

    static final String REDIS = System.getProperty("parley.test.redis.url", "redis://127.0.0.1:6379");

    public static TwoNodes start(String database) {
        return start(database, Map.of());
    }

    /** Two nodes with some settings of a suite's own, e.g. the loopback address its test server may be fetched at. */
    public static TwoNodes start(String database, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.h2(database));
        properties.put("parley.redis.url", REDIS);
        properties.put("server.port", "0");
        properties.put("parley.tenancy.bootstrap-admin-key", TenancyFixtures.ADMIN_KEY);
        properties.put("logging.level.root", "WARN");
        properties.put("parley.knowledge.index-path", "memory");
        properties.putAll(settings);
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext first = node(arguments);
        try {
            return new TwoNodes(first, node(arguments));
        } catch (RuntimeException failed) {
            first.close();
            throw failed;
        }
    }

    private static ConfigurableApplicationContext node(String[] arguments) {
        return new SpringApplicationBuilder(ParleyApplication.class, TestSupportConfiguration.class).run(arguments);
    }

    public static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Override
    public void close() {
        second.close();
        first.close();
    }
}
