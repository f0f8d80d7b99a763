package dev.parley.dialect;

import java.util.List;
import java.util.Optional;

/**
 * The wire spelling a request path is answered in. Most paths speak the canonical API (snake_case, seed 001's error
 * envelope); the endpoints seed 000 and seed 004 define, on their own {@code /api/...} paths, speak theirs.
 */
public enum Dialect {
    /** snake_case bodies, {@code {"error":{"code":"not_found",...},"request_id"}}. */
    CANONICAL,
    /** Seed 000: camelCase bodies, {@code {"error":"...","code":"RESOURCE_NOT_FOUND","details","timestamp"}}. */
    OMNIOPS,
    /** Seed 004: canonical bodies, upper-case error codes ({@code NOT_FOUND}, {@code VALIDATION_ERROR}). */
    VOICE;

    private static final List<String> OMNIOPS_PATHS = List.of(
            "/api/chat",
            "/api/analytics/intelligence",
            "/api/monitoring/metrics",
            "/api/scrape",
            "/api/scrape/*",
            "/api/training",
            "/api/training/*",
            "/api/gdpr/*",
            "/api/dashboard/*",
            "/api/auth/generate-key");

    private static final List<String> VOICE_PATHS = List.of(
            "/health",
            "/api/sessions",
            "/api/sessions/*",
            "/api/products/search",
            "/api/analytics/events",
            "/api/analytics/sessions/*",
            "/api/test/tool-execution");

    /** The dialect of a request path as the client sent it (before the seed aliases are resolved). */
    public static Dialect of(String path) {
        if (matches(OMNIOPS_PATHS, path)) {
            return OMNIOPS;
        }
        if (matches(VOICE_PATHS, path)) {
            return VOICE;
        }
        return CANONICAL;
    }

    /** The seed document a dialect comes from, for the OpenAPI description and logs. */
    public Optional<String> seed() {
        return switch (this) {
            case CANONICAL -> Optional.empty();
            case OMNIOPS -> Optional.of("000");
            case VOICE -> Optional.of("004");
        };
    }

    private static boolean matches(List<String> patterns, String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (String pattern : patterns) {
            if (pattern.endsWith("/*")) {
                String prefix = pattern.substring(0, pattern.length() - 1);
                if (trimmed.startsWith(prefix) && trimmed.length() > prefix.length()) {
                    return true;
                }
            } else if (pattern.equals(trimmed)) {
                return true;
            }
        }
        return false;
    }
}
