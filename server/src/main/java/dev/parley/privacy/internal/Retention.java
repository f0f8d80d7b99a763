package dev.parley.privacy.internal;

import dev.parley.conversation.Customers;
import dev.parley.platform.Mode;
import dev.parley.platform.Sql;
import dev.parley.tenancy.StoreSettings;
import dev.parley.tenancy.Workspaces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The store's retention period ({@code settings.retention_days}): conversations whose last activity is older are
 * erased through the same path as a customer's erasure, so analytics keeps their counts, anonymized. Each workspace
 * is swept by one node at a time, at most once per sweep interval.
 */
@Component
class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final int BATCH = 100;

    private final Workspaces workspaces;
    private final Customers customers;
    private final Erasures erasures;
    private final JdbcClient jdbc;
    private final PrivacyProperties properties;
    private final Clock clock;

    Retention(
            Workspaces workspaces,
            Customers customers,
            Erasures erasures,
            JdbcClient jdbc,
            PrivacyProperties properties,
            Clock clock) {
        this.workspaces = workspaces;
        this.customers = customers;
        this.erasures = erasures;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sweeps every workspace whose turn it is; returns how many conversations were erased. */
    int sweep() {
        int erased = 0;
        for (String workspaceId : workspaces.ids()) {
            try {
                erased += sweep(workspaceId);
            } catch (RuntimeException e) {
                log.warn("Applying the retention period of workspace {} failed; retrying next sweep", workspaceId, e);
            }
        }
        return erased;
    }

    int sweep(String workspaceId) {
        StoreSettings settings = workspaces.settings(workspaceId);
        if (settings.retentionDays() == null || !claim(workspaceId)) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(settings.retentionDays()));
        int erased = 0;
        for (Mode mode : Mode.values()) {
            while (true) {
                List<String> due = customers.inactiveSince(workspaceId, mode, cutoff, BATCH);
                if (due.isEmpty()) {
                    break;
                }
                erasures.eraseConversations(workspaceId, mode, due);
                erased += due.size();
            }
        }
        if (erased > 0) {
            log.info("Retention erased {} conversations of workspace {}", erased, workspaceId);
        }
        return erased;
    }

    /** This node's turn for the workspace, unless another node swept it within the interval. */
    private boolean claim(String workspaceId) {
        Instant now = clock.instant();
        int updated = jdbc.sql(
                        "UPDATE privacy_retention_runs SET last_run_at = ? WHERE workspace_id = ? AND last_run_at <= ?")
                .params(Sql.timestamp(now), workspaceId, Sql.timestamp(now.minus(properties.sweepInterval())))
                .update();
        if (updated > 0) {
            return true;
        }
        try {
            jdbc.sql("INSERT INTO privacy_retention_runs (workspace_id, last_run_at) VALUES (?, ?)")
                    .params(workspaceId, Sql.timestamp(now))
                    .update();
            return true;
        } catch (DuplicateKeyException sweptRecently) {
            return false;
        }
    }
}
