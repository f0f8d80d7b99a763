package dev.parley.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load: operations start at a fixed arrival rate whatever the server does, each on its own virtual
 * thread, and each latency is counted from the moment its operation was due, not from when it was sent. A server
 * that stalls therefore shows the whole stall in every request that arrived during it (no coordinated omission):
 * the load generator never waits for an answer before sending the next request.
 */
final class OpenLoad {

    private OpenLoad() {}

    /** What one operation answered: the HTTP status, or 0 when the request failed before one came back. */
    @FunctionalInterface
    interface Operation {
        int run(int n) throws Exception;
    }

    /** A phase's outcome: latencies from the due time, sorted, and the statuses that came back. */
    record Result(
            String name,
            double ratePerSecond,
            long requests,
            long ok,
            long unavailable,
            long failures,
            double seconds,
            long maxLagNanos,
            long[] latenciesNanos) {

        double percentileMs(double p) {
            return LoadRun.percentileMs(latenciesNanos, p);
        }

        double maxMs() {
            return latenciesNanos.length == 0 ? Double.NaN : latenciesNanos[latenciesNanos.length - 1] / 1e6;
        }

        long over(Duration limit) {
            return LoadRun.over(latenciesNanos, limit);
        }

        double achievedRate() {
            return ok / seconds;
        }
    }

    /**
     * {@code rate} operations a second for {@code duration}; waits for every one started (each has its own timeout)
     * before returning.
     */
    static Result run(String name, Operation operation, double rate, Duration duration) throws Exception {
        long count = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        double intervalNanos = 1e9 / rate;
        long[] latencies = new long[(int) count];
        int[] statuses = new int[(int) count];
        long maxLag = 0;
        List<Future<?>> started = new ArrayList<>();
        long start = System.nanoTime();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                long due = start + Math.round(i * intervalNanos);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                maxLag = Math.max(maxLag, -wait);
                int n = i;
                started.add(executor.submit(() -> {
                    int status;
                    try {
                        status = operation.run(n);
                    } catch (Exception e) {
                        status = 0;
                    }
                    // From the due time: a request sent late because the generator fell behind still counts it.
                    latencies[n] = System.nanoTime() - due;
                    statuses[n] = status;
                }));
            }
            for (Future<?> request : started) {
                request.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long ok = Arrays.stream(statuses).filter(s -> s >= 200 && s < 300).count();
        long unavailable = Arrays.stream(statuses).filter(s -> s == 503).count();
        Arrays.sort(latencies);
        return new Result(name, rate, count, ok, unavailable, count - ok - unavailable, seconds, maxLag, latencies);
    }
}
