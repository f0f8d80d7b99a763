package dev.parley.files.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every ten minutes, deletes what no one can use: upload URLs past their expiry and uploads never attached. Each
 * node sweeps; deleting the same row twice is harmless.
 */
@Component
class FileHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FileHousekeeping.class);

    private final FileService files;
    private ScheduledExecutorService scheduler;

    FileHousekeeping(FileService files) {
        this.files = files;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("files-housekeeping").factory());
        scheduler.scheduleWithFixedDelay(this::sweepSafely, 10, 10, TimeUnit.MINUTES);
    }

    private void sweepSafely() {
        try {
            files.sweep();
        } catch (RuntimeException e) {
            log.warn("Sweeping stale files failed; retrying later", e);
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
