package dev.parley.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request that finds no free database connection within the pool's wait ({@code PARLEY_DB_POOL_WAIT_MS}) is refused
 * with 503 and {@code Retry-After} in the error envelope instead of a 500, and stores nothing; once connections free,
 * it is answered. The test holds every connection of the pool, as a burst of slow requests would.
 */
@ApiTest
@Tag("database")
class ConnectionPoolWaitTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    HikariDataSource pool;

    @Test
    void refusesARequestWithRetryAfterWhileEveryConnectionIsTaken() throws SQLException {
        // given
        Api api = Api.at(port).withKey(fixtures.workspace().liveKey());
        assertThat(api.post("/v1/chat", Map.of("message", "Hello")).status()).isEqualTo(200);
        long before = conversations(api);

        // when
        List<Api.Response> refused = new ArrayList<>();
        List<Connection> held = holdEveryConnection();
        try {
            refused.add(api.post("/v1/chat", Map.of("message", "Where is my order?")));
            refused.add(api.get("/v1/conversations"));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        Api.Response answered = api.post("/v1/chat", Map.of("message", "Where is my order?"));

        // then
        for (Api.Response response : refused) {
            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.errorCode()).isEqualTo("service_unavailable");
            assertThat(response.json().at("/error/details/retry_after").asLong())
                    .isEqualTo(1);
            assertThat(response.header("Retry-After")).contains("1");
        }
        assertThat(answered.status()).isEqualTo(200);
        assertThat(conversations(api)).isEqualTo(before + 1);
    }

    private List<Connection> holdEveryConnection() throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < pool.getMaximumPoolSize()) {
                held.add(pool.getConnection());
            }
        } catch (SQLException | RuntimeException failure) {
            for (Connection connection : held) {
                connection.close();
            }
            throw failure;
        }
        return held;
    }

    private static long conversations(Api api) {
        return api.get("/v1/conversations").json().at("/pagination/total_count").asLong();
    }
}
