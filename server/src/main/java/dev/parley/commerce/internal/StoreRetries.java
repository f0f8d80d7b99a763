package dev.parley.commerce.internal;

import dev.parley.platform.FetchResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * How store clients retry: a few attempts, exponential backoff from 200 ms, a store's own {@code Retry-After}
 * honoured, and no single wait longer than two seconds, so a conversation is never held long by a slow store.
 */
final class StoreRetries {

    static final int ATTEMPTS = 4;
    static final Duration BASE_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_WAIT = Duration.ofSeconds(2);

    private StoreRetries() {}

    static Duration backoff(int attempt) {
        return cap(BASE_BACKOFF.multipliedBy(1L << attempt));
    }

    static Duration cap(Duration wait) {
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /** A {@code Retry-After} in seconds, capped. */
    static Optional<Duration> retryAfter(FetchResponse response) {
        return response.header("Retry-After").flatMap(value -> {
            try {
                return Optional.of(cap(Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000))));
            } catch (NumberFormatException notSeconds) {
                return Optional.empty();
            }
        });
    }

    static void pause(Duration wait, String platform) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(platform, "interrupted");
        }
    }
}
