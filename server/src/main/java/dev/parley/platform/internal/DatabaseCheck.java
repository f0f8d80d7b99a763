package dev.parley.platform.internal;

import dev.parley.platform.DependencyCheck;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** The relational database, the source of truth: without it Parley is down. */
@Component
class DatabaseCheck implements DependencyCheck {

    private final DataSource dataSource;

    DatabaseCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Status check() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? Status.HEALTHY : Status.UNHEALTHY;
        } catch (SQLException e) {
            return Status.UNHEALTHY;
        }
    }
}
