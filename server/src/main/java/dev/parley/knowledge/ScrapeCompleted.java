package dev.parley.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.parley.platform.EventName;
import dev.parley.platform.Mode;
import dev.parley.platform.PublicEvent;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * A website crawl finished (seed 000's {@code scrape.completed}).
 *
 * @param status how it ended: every page read, some failed, or none could be read
 */
public record ScrapeCompleted(
        String workspaceId,
        Mode mode,
        String jobId,
        String url,
        int pagesScraped,
        int pagesFailed,
        Duration duration,
        Result status)
        implements PublicEvent {

    @Override
    public EventName name() {
        return EventName.SCRAPE_COMPLETED;
    }

    @Override
    public Data data() {
        return new Data(jobId, url, status, pagesScraped, pagesFailed, duration.toSeconds(), duration.toMillis());
    }

    /** How a crawl ended: {@code success}, {@code partial} (some pages failed) or {@code failed} (none read). */
    public enum Result {
        SUCCESS,
        PARTIAL,
        FAILED;

        /** The word in the event's payload, the crawl's saved state and {@code GET /v1/scrape/status}. */
        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Result fromWire(String wire) {
            return Arrays.stream(values())
                    .filter(r -> r.wire().equals(wire))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No crawl result " + wire));
        }

        /** The result of a crawl that read {@code scraped} pages and failed to read {@code failed}. */
        public static Result of(int scraped, int failed) {
            return scraped == 0 && failed > 0 ? FAILED : failed > 0 ? PARTIAL : SUCCESS;
        }
    }

    /** The payload's {@code data}. */
    public record Data(
            String jobId,
            String url,
            Result status,
            int pagesScraped,
            int pagesFailed,
            long durationSeconds,
            long durationMs) {}
}
