package dev.parley.privacy.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Every sweep interval: retention periods applied, expired export archives deleted. */
@Component
class PrivacyHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PrivacyHousekeeping.class);

    private final Retention retention;
    private final Exports exports;
    private final PrivacyProperties properties;
    private ScheduledExecutorService scheduler;

    PrivacyHousekeeping(Retention retention, Exports exports, PrivacyProperties properties) {
        this.retention = retention;
        this.exports = exports;
        this.properties = properties;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("privacy-housekeeping").factory());
        long every = Math.max(1, properties.sweepInterval().toSeconds());
        // The first sweep waits one interval, so a node that just started serves first.
        scheduler.scheduleWithFixedDelay(this::sweepSafely, every, every, TimeUnit.SECONDS);
    }

    private void sweepSafely() {
        try {
            exports.expire();
            retention.sweep();
        } catch (RuntimeException e) {
            log.warn("Privacy housekeeping failed; retrying next time", e);
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
