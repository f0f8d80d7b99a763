package dev.parley.platform.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Request durations per operation ({@code GET /v1/stores/{store_id}}), with the quantiles seed 000 reports. */
@Component
class RequestMetrics {

    static final String METER = "parley.api.requests";
    static final double[] QUANTILES = {0.5, 0.95, 0.99};

    private final MeterRegistry registry;

    /** Each operation's timer, built once: building and registering it again on every request was a hash lookup of its
     * whole id with its tags. */
    private final java.util.Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String operation, long nanos) {
        timers.computeIfAbsent(operation, this::timer).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String operation) {
        return Timer.builder(METER)
                .description("API request duration")
                .tag("operation", operation)
                .publishPercentiles(QUANTILES)
                .distributionStatisticExpiry(Duration.ofMinutes(5))
                .register(registry);
    }

    record Operation(String name, long count, double meanMs, double maxMs, double sumMs, List<Quantile> quantiles) {}

    record Quantile(double quantile, double valueMs) {}

    List<Operation> operations() {
        Collection<Timer> timers = registry.find(METER).timers();
        return timers.stream()
                .map(timer -> {
                    HistogramSnapshot snapshot = timer.takeSnapshot();
                    List<Quantile> quantiles = java.util.Arrays.stream(snapshot.percentileValues())
                            .map((ValueAtPercentile v) -> new Quantile(v.percentile(), v.value(TimeUnit.MILLISECONDS)))
                            .toList();
                    return new Operation(
                            timer.getId().getTag("operation"),
                            snapshot.count(),
                            snapshot.mean(TimeUnit.MILLISECONDS),
                            snapshot.max(TimeUnit.MILLISECONDS),
                            snapshot.total(TimeUnit.MILLISECONDS),
                            quantiles);
                })
                .sorted(Comparator.comparing(Operation::name))
                .toList();
    }
}
