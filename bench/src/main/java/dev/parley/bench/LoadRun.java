package dev.parley.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * A closed-loop load: {@code concurrency} virtual threads each run one operation (an HTTP request, a search) after
 * another until the time is up. Bounded in time, it stops by itself.
 */
final class LoadRun {

    private LoadRun() {}

    record Result(String name, long requests, long failures, double seconds, long[] latenciesNanos) {

        double throughput() {
            return requests / seconds;
        }

        double percentileMs(double p) {
            return LoadRun.percentileMs(latenciesNanos, p);
        }

        double maxMs() {
            return latenciesNanos.length == 0 ? Double.NaN : latenciesNanos[latenciesNanos.length - 1] / 1e6;
        }

        /** Operations that took longer than {@code limit}. */
        long over(Duration limit) {
            return LoadRun.over(latenciesNanos, limit);
        }
    }

    /** The {@code p}th percentile of sorted latencies, in milliseconds. */
    static double percentileMs(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1_000_000.0;
    }

    /** How many of the sorted latencies exceed {@code limit}. */
    static long over(long[] sortedNanos, Duration limit) {
        long bound = limit.toNanos();
        int index = Arrays.binarySearch(sortedNanos, bound);
        int firstAbove = index >= 0 ? index + 1 : -index - 1;
        while (firstAbove < sortedNanos.length && sortedNanos[firstAbove] <= bound) {
            firstAbove++;
        }
        return sortedNanos.length - firstAbove;
    }

    /** One timed operation of a closed loop: true when it did what was expected. */
    @FunctionalInterface
    interface Operation {
        boolean run(int worker) throws Exception;
    }

    static Result run(
            String name,
            HttpClient client,
            Supplier<HttpRequest> request,
            int concurrency,
            Duration duration,
            int expectStatus)
            throws Exception {
        return run(
                name,
                worker -> client.send(request.get(), HttpResponse.BodyHandlers.ofByteArray())
                                .statusCode()
                        == expectStatus,
                concurrency,
                duration);
    }

    static Result run(String name, Operation operation, int concurrency, Duration duration) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        List<Future<long[]>> workers = new ArrayList<>();
        long[] failures = new long[concurrency];
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                int worker = w;
                workers.add(executor.submit(() -> {
                    long[] latencies = new long[1024];
                    int n = 0;
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        boolean ok = operation.run(worker);
                        long elapsed = System.nanoTime() - t0;
                        if (!ok) {
                            failures[worker]++;
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = elapsed;
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> worker : workers) {
                long[] part = worker.get();
                long[] merged = Arrays.copyOf(all, all.length + part.length);
                System.arraycopy(part, 0, merged, all.length, part.length);
                all = merged;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Arrays.sort(all);
            return new Result(name, all.length, Arrays.stream(failures).sum(), seconds, all);
        }
    }
}
