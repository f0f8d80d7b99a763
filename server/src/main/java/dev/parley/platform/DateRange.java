package dev.parley.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The span of time a list filter or a report covers, read from {@code start_date} and {@code end_date} style
 * parameters: [start, end), either bound {@code null} when the caller left it open.
 *
 * <p>A day ({@code 2026-03-10}) means the whole day in the zone: a start day from its first instant, an end day up to
 * the first instant of the next day, so nothing in its last moments is lost (the end is exclusive, so no
 * "last millisecond" or "last nanosecond" is needed, and none is rounded into the next day by the database). A
 * date-time ({@code 2026-03-10T12:00:00Z}, any offset) is that instant.
 */
public record DateRange(Instant start, Instant end) {

    /**
     * A list filter's range: both bounds optional, days in UTC, an end date-time included (the range ends a
     * microsecond, the precision timestamps are stored at, after it). An unreadable bound is {@code invalid_format}.
     */
    public static DateRange filter(String startField, String startText, String endField, String endText) {
        Instant start = bound(startField, startText, ZoneOffset.UTC, false, "invalid_format");
        Instant end = bound(endField, endText, ZoneOffset.UTC, true, "invalid_format");
        if (end != null && isDateTime(endText)) {
            end = end.plus(1, ChronoUnit.MICROS);
        }
        return new DateRange(start, end);
    }

    /**
     * A report's period: both bounds required, days in {@code zone}, an end date-time excluded. An unreadable bound is
     * {@code invalid_date}; the caller checks the order and length it allows.
     */
    public static DateRange report(String startField, String startText, String endField, String endText, ZoneId zone) {
        if (startText == null || startText.isBlank()) {
            throw ApiException.missingField(startField);
        }
        if (endText == null || endText.isBlank()) {
            throw ApiException.missingField(endField);
        }
        return new DateRange(
                bound(startField, startText, zone, false, "invalid_date"),
                bound(endField, endText, zone, true, "invalid_date"));
    }

    /**
     * One day named by a parameter: a day ({@code 2026-03-10}), or the UTC day of a date-time with an offset, for
     * reports over whole days. An unreadable one is {@code invalid_format}.
     */
    public static LocalDate day(String field, String text) {
        String value = text.strip();
        try {
            return isDateTime(value)
                    ? LocalDate.ofInstant(OffsetDateTime.parse(value).toInstant(), ZoneOffset.UTC)
                    : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "invalid_format");
        }
    }

    private static Instant bound(String field, String text, ZoneId zone, boolean end, String reason) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (!isDateTime(value)) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, reason);
        }
    }

    /** A day is ten characters ({@code yyyy-MM-dd}); anything longer must be a date-time with an offset. */
    private static boolean isDateTime(String text) {
        return text.strip().length() != 10;
    }
}
