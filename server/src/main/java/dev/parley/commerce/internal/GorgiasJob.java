package dev.parley.commerce.internal;

import dev.parley.platform.JobContext;
import dev.parley.platform.JobHandler;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Sends a queued Gorgias ticket or message, one try per run. While Gorgias is down the runner retries from one
 * second, doubling up to ten minutes, for about two hours; a message sent once is never sent again.
 */
@Component
class GorgiasJob implements JobHandler {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofMinutes(10);

    private final Gorgias gorgias;

    GorgiasJob(Gorgias gorgias) {
        this.gorgias = gorgias;
    }

    @Override
    public String type() {
        return Gorgias.JOB_TYPE;
    }

    @Override
    public int maxAttempts() {
        return 20;
    }

    @Override
    public Duration retryDelay(JobContext job) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(job.attempt(), 1) - 1, 20));
        return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
    }

    @Override
    public void run(JobContext job) {
        gorgias.forward(job);
    }
}
