package dev.parley.platform.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Seed 000's {@code GET /api/monitoring/metrics}: request duration quantiles per operation, as JSON or Prometheus. */
@RestController
class MonitoringController {

    private static final MediaType PROMETHEUS = MediaType.parseMediaType("text/plain;version=0.0.4;charset=utf-8");

    private final RequestMetrics metrics;
    private final Clock clock;

    MonitoringController(RequestMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @GetMapping("/v1/monitoring/metrics")
    @RequiresScope(Scope.MONITORING_READ)
    ResponseEntity<?> metrics(
            @RequestParam(defaultValue = "json") String format, @RequestParam(required = false) String operations) {
        List<RequestMetrics.Operation> selected = select(operations);
        return switch (format) {
            case "json" -> ResponseEntity.ok(json(selected));
            case "prometheus" -> ResponseEntity.ok().contentType(PROMETHEUS).body(prometheus(selected));
            default -> throw ApiException.invalidField("format", "invalid_value");
        };
    }

    private List<RequestMetrics.Operation> select(String operations) {
        List<RequestMetrics.Operation> all = metrics.operations();
        if (operations == null || operations.isBlank()) {
            return all;
        }
        Set<String> wanted = Arrays.stream(operations.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        return all.stream().filter(op -> wanted.contains(op.name())).toList();
    }

    /**
     * @param operations per operation: {@code operation}, {@code count}, {@code mean_ms}, {@code max_ms} and a
     *     {@code pNN_ms} per configured quantile, so their keys are as many as the quantiles
     */
    record Metrics(Instant timestamp, List<Map<String, Object>> operations) {}

    private Metrics json(List<RequestMetrics.Operation> operations) {
        List<Map<String, Object>> rows = operations.stream()
                .map(op -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("operation", op.name());
                    row.put("count", op.count());
                    row.put("mean_ms", round(op.meanMs()));
                    row.put("max_ms", round(op.maxMs()));
                    for (RequestMetrics.Quantile q : op.quantiles()) {
                        row.put("p" + percentLabel(q.quantile()) + "_ms", round(q.valueMs()));
                    }
                    return row;
                })
                .toList();
        return new Metrics(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), rows);
    }

    private static String prometheus(List<RequestMetrics.Operation> operations) {
        StringBuilder out = new StringBuilder();
        out.append("# HELP api_request_duration_ms API request duration in milliseconds\n");
        out.append("# TYPE api_request_duration_ms summary\n");
        for (RequestMetrics.Operation op : operations) {
            String label = "operation=\"" + escape(op.name()) + "\"";
            for (RequestMetrics.Quantile q : op.quantiles()) {
                out.append("api_request_duration_ms{")
                        .append(label)
                        .append(",quantile=\"")
                        .append(q.quantile())
                        .append("\"} ")
                        .append(number(q.valueMs()))
                        .append('\n');
            }
            out.append("api_request_duration_ms_sum{")
                    .append(label)
                    .append("} ")
                    .append(number(op.sumMs()))
                    .append('\n');
            out.append("api_request_duration_ms_count{")
                    .append(label)
                    .append("} ")
                    .append(op.count())
                    .append('\n');
        }
        return out.toString();
    }

    private static String percentLabel(double quantile) {
        String digits = Double.toString(quantile * 100);
        return digits.endsWith(".0") ? digits.substring(0, digits.length() - 2) : digits.replace('.', '_');
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
