package dev.parley.analytics.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.DateRange;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A reporting period: [start, end) in time, and the local days it covers in the report's time zone. A date means the
 * whole local day (an end date is included); a date-time means that instant (an end date-time is excluded).
 */
record Period(Instant start, Instant end, ZoneId zone) {

    static final Duration LONGEST = Duration.ofDays(3 * 366 + 1);

    static ZoneId zone(String text, String field) {
        if (text == null || text.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw ApiException.invalidField(field, "unknown_time_zone");
        }
    }

    static Period between(String startText, String startField, String endText, String endField, ZoneId zone) {
        DateRange range = DateRange.report(startField, startText, endField, endText, zone);
        return checked(range.start(), range.end(), zone, endField);
    }

    /** The last {@code days} local days, today included. */
    static Period lastDays(int days, ZoneId zone, Instant now) {
        if (days < 1 || days > LONGEST.toDays()) {
            throw ApiException.invalidField("days", "out_of_range");
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        return new Period(
                today.minusDays(days - 1L).atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant(),
                zone);
    }

    static Period checked(Instant start, Instant end, ZoneId zone, String endField) {
        if (!end.isAfter(start)) {
            throw ApiException.invalidField(endField, "before_start");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw ApiException.invalidField(endField, "range_too_long");
        }
        return new Period(start, end, zone);
    }

    /** The period just before this one, as long. */
    Period previous() {
        Duration length = Duration.between(start, end);
        return new Period(start.minus(length), start, zone);
    }

    LocalDate firstDay() {
        return start.atZone(zone).toLocalDate();
    }

    /** The day of the period's last instant (its end is exclusive). */
    LocalDate lastDay() {
        return end.minusNanos(1).atZone(zone).toLocalDate();
    }

    /** The local day a quarter-hour slot falls on. */
    LocalDate dayOf(long slot) {
        return Instant.ofEpochSecond(slot * AnalyticsRows.SLOT_SECONDS)
                .atZone(zone)
                .toLocalDate();
    }

    enum Granularity {
        DAY,
        WEEK,
        MONTH;

        static Granularity of(String text, String field) {
            if (text == null || text.isBlank()) {
                return DAY;
            }
            return switch (text.strip()) {
                case "day" -> DAY;
                case "week" -> WEEK;
                case "month" -> MONTH;
                default -> throw ApiException.invalidField(field, "invalid_value");
            };
        }

        /** The first day of the bucket a day falls in: the day, its ISO week's Monday, or its month's first. */
        LocalDate bucketOf(LocalDate day) {
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
            };
        }
    }

    /** Every bucket of the period in order, empty ones included. */
    List<LocalDate> buckets(Granularity granularity) {
        List<LocalDate> buckets = new ArrayList<>();
        LocalDate last = granularity.bucketOf(lastDay());
        for (LocalDate b = granularity.bucketOf(firstDay());
                !b.isAfter(last);
                b = switch (granularity) {
                    case DAY -> b.plusDays(1);
                    case WEEK -> b.plusWeeks(1);
                    case MONTH -> b.plusMonths(1);
                }) {
            buckets.add(b);
        }
        return buckets;
    }

    long days() {
        return ChronoUnit.DAYS.between(firstDay(), lastDay()) + 1;
    }
}
