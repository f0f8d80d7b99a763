package dev.parley.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at the database of this run: an in-memory H2 by default, or, when the system property
 * {@code parley.test.database} is {@code postgres}, a fresh PostgreSQL database made for this JVM and dropped at its
 * exit.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static volatile Map<String, Object> properties;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // A context that brings a database of its own (see FakeS3Server.Initializer) keeps it.
        if (!context.getEnvironment().getPropertySources().contains("test-database")) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("test-database", properties()));
        }
    }

    /**
     * Points a test context at a database of its own, on the database of this run (a separate in-memory H2, or a fresh
     * PostgreSQL database dropped at exit): for a context whose job runner and clock must not act on the shared
     * context's rows, such as a module slice ({@code @ApplicationModuleTest}), which runs the same job handlers on the
     * system clock while the shared context's tests move theirs.
     */
    public static final class OfItsOwn implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> own = postgres()
                    ? createPostgres()
                    : h2("parley_test_"
                            + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-database", own));
        }
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("parley.test.database"));
    }

    /** Datasource properties of this JVM's database, made on first use. */
    public static synchronized Map<String, Object> properties() {
        if (properties == null) {
            properties = postgres() ? createPostgres() : h2("parley_test");
        }
        return properties;
    }

    /** A separate in-memory H2 database, for tests that start contexts of their own. */
    public static Map<String, Object> h2(String name) {
        return Map.of(
                "spring.datasource.url",
                "jdbc:h2:mem:" + name
                        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "spring.datasource.username",
                "sa",
                "spring.datasource.password",
                "");
    }

    private static Map<String, Object> createPostgres() {
        String base = System.getProperty("parley.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/parley_test");
        String user = System.getProperty("parley.test.postgres.user", "postgres");
        String name = base.substring(base.lastIndexOf('/') + 1) + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = base.substring(0, base.lastIndexOf('/') + 1) + "postgres";
        execute(admin, user, "CREATE DATABASE " + name);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> execute(admin, user, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
        return Map.of(
                "spring.datasource.url",
                base.substring(0, base.lastIndexOf('/') + 1) + name,
                "spring.datasource.username",
                user,
                "spring.datasource.password",
                "");
    }

    private static void execute(String url, String user, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL for the tests is not reachable at " + url + ": " + e.getMessage(), e);
        }
    }
}
