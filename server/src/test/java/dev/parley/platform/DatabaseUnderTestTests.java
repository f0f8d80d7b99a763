package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.ApiTest;
import dev.parley.support.TestDatabase;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The database suites really run on the database the build asked for: H2 first, then PostgreSQL. */
@ApiTest
@Tag("database")
class DatabaseUnderTestTests {

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnTheRequestedDatabaseWithTheMigrationsApplied() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();

            assertThat(product).isEqualTo(TestDatabase.postgres() ? "PostgreSQL" : "H2");
            assertThat(connection
                            .getMetaData()
                            .getTables(null, null, "workspaces", null)
                            .next())
                    .isTrue();
        }
    }
}
