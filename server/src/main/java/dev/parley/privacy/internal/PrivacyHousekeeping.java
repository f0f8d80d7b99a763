package dev.parley.privacy.internal;

import dev.parley.platform.PeriodicWork;
import org.springframework.stereotype.Component;

/** Every sweep interval: retention periods applied, expired export archives deleted. */
@Component
class PrivacyHousekeeping extends PeriodicWork {

    private final Retention retention;
    private final Exports exports;

    PrivacyHousekeeping(Retention retention, Exports exports, PrivacyProperties properties) {
        // The first sweep waits one interval, so a node that just started serves first.
        super("privacy-housekeeping", properties.sweepInterval(), properties.sweepInterval());
        this.retention = retention;
        this.exports = exports;
    }

    @Override
    protected void runOnce() {
        exports.expire();
        retention.sweep();
    }
}
