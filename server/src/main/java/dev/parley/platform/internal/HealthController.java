package dev.parley.platform.internal;

import dev.parley.platform.DependencyCheck;
import dev.parley.platform.DependencyCheck.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 004's {@code GET /health}: one check per dependency. 200 while every critical dependency answers (status
 * {@code degraded} when an optional one does not), 503 when a critical one fails. A dependency that is not set up
 * ({@code not_configured}) or not checked yet ({@code unchecked}) is listed as such and changes nothing.
 */
@RestController
class HealthController {

    private final List<DependencyCheck> checks;
    private final String version;

    HealthController(List<DependencyCheck> checks, ObjectProvider<BuildProperties> build) {
        this.checks = checks;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties != null ? properties.getVersion() : "dev";
    }

    /** @param checks each dependency's status by its name, {@code api} first */
    record Health(String status, String version, Map<String, String> checks) {}

    @GetMapping({"/health", "/v1/health"})
    ResponseEntity<Health> health() {
        Map<String, String> results = new LinkedHashMap<>();
        results.put("api", "healthy");
        Status overall = Status.HEALTHY;
        for (DependencyCheck check : checks) {
            Status status = check.check();
            results.put(check.name(), status.name().toLowerCase(Locale.ROOT));
            if (status.failing()) {
                Status effect = check.critical() && status == Status.UNHEALTHY ? Status.UNHEALTHY : Status.DEGRADED;
                overall = effect.compareTo(overall) > 0 ? effect : overall;
            }
        }
        return ResponseEntity.status(overall == Status.UNHEALTHY ? 503 : 200)
                .body(new Health(overall.name().toLowerCase(Locale.ROOT), version, results));
    }
}
