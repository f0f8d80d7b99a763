package dev.parley.files.internal;

import dev.parley.platform.PeriodicWork;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Every ten minutes, deletes what no one can use: upload URLs past their expiry and uploads never attached. Each
 * node sweeps; deleting the same row twice is harmless.
 */
@Component
class FileHousekeeping extends PeriodicWork {

    private final FileService files;

    FileHousekeeping(FileService files) {
        super("files-housekeeping", Duration.ofMinutes(10), Duration.ofMinutes(10));
        this.files = files;
    }

    @Override
    protected void runOnce() {
        files.sweep();
    }
}
