package dev.parley.analytics.internal;

import dev.parley.platform.PeriodicWork;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Every two seconds, rebuilds the rollups of the quarter hours marked since (at start, everything the V30 backfill
 * marked), except the current one, which is rebuilt once it has ended (until then the reports read it raw). Each
 * node refreshes; a failed or duplicated refresh leaves its marks, and those buckets are read raw.
 */
@Component
class RollupRefresher extends PeriodicWork {

    private final Rollups rollups;
    private final Clock clock;

    RollupRefresher(Rollups rollups, Clock clock) {
        super("analytics-rollups", Duration.ofSeconds(1), Duration.ofSeconds(2));
        this.rollups = rollups;
        this.clock = clock;
    }

    @Override
    protected void runOnce() {
        rollups.refreshBefore(AnalyticsRows.slot(clock.instant()));
    }
}
