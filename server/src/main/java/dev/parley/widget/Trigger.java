package dev.parley.widget;

import dev.parley.platform.ApiException;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An automation trigger (seed 003): when its condition holds on a page matching {@code urlPattern}, the widget opens
 * with {@code message}. Ids are {@code trigger_...}.
 *
 * @param condition {@code page_load} (after {@code delaySeconds}), {@code exit_intent} or {@code delay} (after
 *     {@code delaySeconds} on the page)
 * @param urlPattern a path or URL where {@code *} matches anything; {@code *} alone matches every page
 */
public record Trigger(
        String id,
        String name,
        String condition,
        int delaySeconds,
        String message,
        String urlPattern,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    public static final Set<String> CONDITIONS = Set.of("page_load", "exit_intent", "delay");
    private static final Pattern URL_PATTERN = Pattern.compile("(\\*|/|https?://)[^\\s<>\"']{0,499}");

    public Trigger {
        if (name == null || name.isBlank()) {
            throw ApiException.missingField("name");
        }
        name = name.strip();
        if (name.length() > 200) {
            throw ApiException.invalidField("name", "too_long");
        }
        if (condition == null) {
            throw ApiException.missingField("condition");
        }
        if (!CONDITIONS.contains(condition)) {
            throw ApiException.invalidField("condition", "invalid_value");
        }
        if (delaySeconds < 0 || delaySeconds > 3600) {
            throw ApiException.invalidField("delay_seconds", "out_of_range");
        }
        if (message == null || message.isBlank()) {
            throw ApiException.missingField("message");
        }
        message = message.strip();
        if (message.length() > 1000) {
            throw ApiException.invalidField("message", "too_long");
        }
        urlPattern = urlPattern == null || urlPattern.isBlank() ? "*" : urlPattern.strip();
        if (urlPattern.length() > 500) {
            throw ApiException.invalidField("url_pattern", "too_long");
        }
        if (!URL_PATTERN.matcher(urlPattern).matches()) {
            throw ApiException.invalidField("url_pattern", "invalid_format");
        }
    }

    /** Whether the pattern matches a page's path or whole URL, {@code *} standing for any characters. */
    public boolean matches(String pathOrUrl) {
        StringBuilder regex = new StringBuilder();
        for (String part : urlPattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString()).matcher(pathOrUrl).matches();
    }
}
