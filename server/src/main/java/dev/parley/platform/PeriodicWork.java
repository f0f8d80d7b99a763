package dev.parley.platform;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Work a node does on its own every so often (sweeps, refreshes): one daemon thread per kind of work, started and
 * stopped with the application; a failed run is logged and the next one comes as scheduled.
 */
public abstract class PeriodicWork implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration firstDelay;
    private final Duration every;
    private ScheduledExecutorService scheduler;

    /**
     * @param name the thread's name, also what the log calls this work
     * @param firstDelay from start to the first run
     * @param every from the end of one run to the start of the next
     */
    protected PeriodicWork(String name, Duration firstDelay, Duration every) {
        this.name = name;
        this.firstDelay = firstDelay;
        this.every = every;
    }

    /** One run; an exception is logged and the schedule goes on. */
    protected abstract void runOnce();

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("{} failed; trying again in {}", name, every, e);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name(name).factory());
        scheduler.scheduleWithFixedDelay(
                this::runSafely,
                Math.max(0, firstDelay.toMillis()),
                Math.max(1, every.toMillis()),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
