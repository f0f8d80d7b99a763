package dev.parley.assistant.internal;

import dev.parley.tenancy.StoreSettings.WorkingHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

/** Whether a store's humans are at work at an instant, and when they are next. */
final class WorkingHoursClock {

    private WorkingHoursClock() {}

    static boolean open(WorkingHours hours, Instant at) {
        return hours.openAt(at);
    }

    /** The next opening after {@code at}, within a week. */
    static Optional<ZonedDateTime> nextOpening(WorkingHours hours, Instant at) {
        ZonedDateTime local = at.atZone(ZoneId.of(hours.timezone()));
        LocalTime start = LocalTime.parse(hours.start());
        for (int day = 0; day <= 7; day++) {
            ZonedDateTime candidate =
                    local.toLocalDate().plusDays(day).atTime(start).atZone(local.getZone());
            if (candidate.isAfter(local) && works(hours, candidate.getDayOfWeek())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static String describe(ZonedDateTime opening, Instant now, String language) {
        ZonedDateTime today = now.atZone(opening.getZone());
        String time = opening.toLocalTime().toString();
        String zone = opening.getZone().getId();
        if (language.equals("uz")) {
            String day = opening.toLocalDate().equals(today.toLocalDate())
                    ? "bugun"
                    : opening.toLocalDate().equals(today.toLocalDate().plusDays(1))
                            ? "ertaga"
                            : opening.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.forLanguageTag("uz"));
            return day + " soat " + time + " (" + zone + ")";
        }
        String day = opening.toLocalDate().equals(today.toLocalDate())
                ? "today"
                : opening.toLocalDate().equals(today.toLocalDate().plusDays(1))
                        ? "tomorrow"
                        : "on " + opening.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return day + " at " + time + " (" + zone + ")";
    }

    private static boolean works(WorkingHours hours, DayOfWeek day) {
        return hours.days()
                .contains(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT));
    }
}
