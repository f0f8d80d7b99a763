package dev.parley.platform.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Ids;
import dev.parley.platform.JobContext;
import dev.parley.platform.JobHandler;
import dev.parley.platform.JobStatus;
import dev.parley.platform.JobView;
import dev.parley.platform.Jobs;
import dev.parley.platform.Mode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Claims due jobs for the handlers this node has, runs them on virtual threads, renews their leases while they run,
 * and retries failures with exponential backoff and jitter. A job whose node died is claimed again once its lease
 * has run out.
 */
@Component
class JobRunner implements Jobs, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    static final Duration LEASE = Duration.ofSeconds(60);
    private static final int MAX_RUNNING = 4;

    private final JsonMapper json;
    private final JobRows jobRows;
    private final Clock clock;
    private final Map<String, JobHandler> handlers;
    private final String owner = Ids.next("node");
    private final Map<String, RunningJob> running = new ConcurrentHashMap<>();
    private final Duration pollInterval;
    private ScheduledExecutorService scheduler;
    private ExecutorService workers;
    private volatile boolean started;

    JobRunner(JobRows jobRows, Clock clock, List<JobHandler> handlers, PlatformProperties properties, JsonMapper json) {
        this.jobRows = jobRows;
        this.json = json;
        this.clock = clock;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::type, Function.identity()));
        this.pollInterval = properties.jobPollInterval();
    }

    @Override
    public String enqueue(String workspaceId, Mode mode, String type, Object payload) {
        String id = Ids.next("job");
        jobRows.insert(id, workspaceId, mode, type, payload, clock.instant());
        return id;
    }

    @Override
    public Optional<JobView> find(String workspaceId, Mode mode, String jobId) {
        return jobRows.find(workspaceId, mode, jobId);
    }

    @Override
    public JobView cancel(String workspaceId, Mode mode, String jobId) {
        JobView job = find(workspaceId, mode, jobId).orElseThrow(() -> ApiException.notFound("job", jobId));
        if (!job.finished()) {
            jobRows.requestCancel(workspaceId, mode, jobId, clock.instant());
        }
        return find(workspaceId, mode, jobId).orElseThrow();
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("job-runner").factory());
        workers = Executors.newVirtualThreadPerTaskExecutor();
        long every = pollInterval.toMillis();
        scheduler.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::renewLeases, 20, 20, TimeUnit.SECONDS);
        started = true;
    }

    @Override
    public void stop() {
        started = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /**
     * Claims and starts what is due now; also called by tests that cannot wait for the next tick, and after every job
     * that ends, so that a queue of short jobs (webhook deliveries) does not wait a tick between batches.
     */
    synchronized void poll() {
        int free = MAX_RUNNING - running.size();
        if (free <= 0 || handlers.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (JobRows.Claimed claimed :
                jobRows.claim(List.copyOf(handlers.keySet()), owner, now, now.plus(LEASE), free)) {
            RunningJob job = new RunningJob(claimed.job(), claimed.mode());
            running.put(job.view.id(), job);
            workers.submit(() -> execute(job));
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Claiming jobs failed; retrying", e);
        }
    }

    private void execute(RunningJob job) {
        JobHandler handler = handlers.get(job.view.type());
        try {
            handler.run(job);
            jobRows.finish(
                    job.view.id(),
                    owner,
                    job.cancelled() ? JobStatus.CANCELLED : JobStatus.SUCCEEDED,
                    null,
                    clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
            error = error.length() > 1900 ? error.substring(0, 1900) : error;
            Instant now = clock.instant();
            if (job.cancelled()) {
                jobRows.finish(job.view.id(), owner, JobStatus.CANCELLED, error, now);
            } else if (job.view.attempts() >= handler.maxAttempts()) {
                log.warn(
                        "Job {} ({}) failed for good after {} attempts",
                        job.view.id(),
                        job.view.type(),
                        job.view.attempts(),
                        e);
                jobRows.finish(job.view.id(), owner, JobStatus.FAILED, error, now);
            } else {
                log.info(
                        "Job {} ({}) failed, attempt {}: {}",
                        job.view.id(),
                        job.view.type(),
                        job.view.attempts(),
                        error);
                Duration delay = handler.retryDelay(job);
                jobRows.retryLater(
                        job.view.id(),
                        owner,
                        error,
                        now.plus(delay != null ? delay : backoff(job.view.attempts())),
                        now);
            }
        } finally {
            running.remove(job.view.id());
            if (started) {
                try {
                    workers.submit(this::pollSafely);
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    // the node is shutting down
                }
            }
        }
    }

    /** 5 s, 10 s, 20 s ... up to an hour, each scaled by a random factor between 0.5 and 1.5. */
    static Duration backoff(int attempts) {
        long base = Math.min(3600, 5L << Math.min(20, Math.max(0, attempts - 1)));
        double jitter = 0.5 + ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) (base * 1000 * jitter));
    }

    private void renewLeases() {
        running.values().forEach(job -> {
            try {
                job.renew(job.state);
            } catch (RuntimeException e) {
                log.warn("Renewing the lease of job {} failed", job.view.id(), e);
            }
        });
    }

    private final class RunningJob implements JobContext {

        final JobView view;
        final Mode mode;
        volatile JsonNode state;
        private volatile Instant checkedAt = Instant.EPOCH;
        private volatile boolean cancelled;

        RunningJob(JobView view, Mode mode) {
            this.view = view;
            this.mode = mode;
            this.state = view.state();
        }

        @Override
        public String jobId() {
            return view.id();
        }

        @Override
        public String workspaceId() {
            return view.workspaceId();
        }

        @Override
        public Mode mode() {
            return mode;
        }

        @Override
        public <T> T payload(Class<T> type) {
            return json.treeToValue(view.payload(), type);
        }

        @Override
        public <T> T state(Class<T> type) {
            JsonNode saved = state;
            return saved == null || saved.isEmpty() ? null : json.treeToValue(saved, type);
        }

        @Override
        public void save(Object newState) {
            renew(json.valueToTree(newState));
        }

        /** Saves the state and renews the lease. */
        void renew(JsonNode newState) {
            this.state = newState;
            Instant now = clock.instant();
            jobRows.save(view.id(), owner, newState, now.plus(LEASE), now);
        }

        @Override
        public boolean cancelled() {
            Instant now = Instant.now();
            if (!cancelled && now.isAfter(checkedAt.plusSeconds(1))) {
                checkedAt = now;
                cancelled = jobRows.status(view.id()).stopRequested();
            }
            return cancelled;
        }

        @Override
        public int attempt() {
            return view.attempts();
        }
    }
}
