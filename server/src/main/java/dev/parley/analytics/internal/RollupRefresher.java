package dev.parley.analytics.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every two seconds, rebuilds the rollups of the quarter hours marked since (at start, everything the V30 backfill
 * marked). Each node refreshes; a failed or duplicated refresh leaves its marks, and those buckets are read raw.
 */
@Component
class RollupRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RollupRefresher.class);

    private final Rollups rollups;
    private ScheduledExecutorService scheduler;

    RollupRefresher(Rollups rollups) {
        this.rollups = rollups;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("analytics-rollups").factory());
        scheduler.scheduleWithFixedDelay(this::refreshSafely, 1, 2, TimeUnit.SECONDS);
    }

    private void refreshSafely() {
        try {
            rollups.refresh();
        } catch (RuntimeException e) {
            log.warn("Refreshing analytics rollups failed; the marked buckets are read raw until the next try", e);
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
