package dev.parley.analytics.internal;

import dev.parley.platform.PeriodicWork;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Every two seconds, rebuilds the rollups of the quarter hours marked since (at start, everything the V30 backfill
 * marked). Each node refreshes; a failed or duplicated refresh leaves its marks, and those buckets are read raw.
 */
@Component
class RollupRefresher extends PeriodicWork {

    private final Rollups rollups;

    RollupRefresher(Rollups rollups) {
        super("analytics-rollups", Duration.ofSeconds(1), Duration.ofSeconds(2));
        this.rollups = rollups;
    }

    @Override
    protected void runOnce() {
        rollups.refresh();
    }
}
