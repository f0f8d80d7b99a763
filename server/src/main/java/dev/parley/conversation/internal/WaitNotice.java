package dev.parley.conversation.internal;

import dev.parley.tenancy.StoreSettings.WorkingHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * What a customer who asked for a person is told while they wait: that a person, not the assistant, will reply, and
 * when, from the store's working hours. Nobody is promised "shortly" at night: outside the hours the notice says
 * when the team is back.
 */
final class WaitNotice {

    private WaitNotice() {}

    static String forCustomer(WorkingHours hours, String ticket, Instant now) {
        String when = hours.openAt(now)
                ? "The team is in now, so it should not be long."
                : nextOpening(hours, now)
                        .map(opening -> "The team is away now and back " + spoken(opening, now, hours) + " ("
                                + hours.timezone() + "); your message waits for them here.")
                        .orElse("The team is away now; your message waits for them here.");
        return "Thank you. A person from our team will reply here, not the assistant. " + when
                + " Your reference number is " + ticket + ".";
    }

    /** When the working hours next begin after {@code now}, in the store's time zone. */
    static Optional<ZonedDateTime> nextOpening(WorkingHours hours, Instant now) {
        ZoneId zone = ZoneId.of(hours.timezone());
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalTime start = LocalTime.parse(hours.start());
        for (int days = 0; days <= 7; days++) {
            LocalDate day = today.plusDays(days);
            ZonedDateTime opening = day.atTime(start).atZone(zone);
            if (opening.toInstant().isAfter(now) && hours.days().contains(shortName(day.getDayOfWeek()))) {
                return Optional.of(opening);
            }
        }
        return Optional.empty();
    }

    private static String spoken(ZonedDateTime opening, Instant now, WorkingHours hours) {
        LocalDate today = now.atZone(ZoneId.of(hours.timezone())).toLocalDate();
        String day = opening.toLocalDate().equals(today)
                ? "today"
                : opening.toLocalDate().equals(today.plusDays(1))
                        ? "tomorrow"
                        : "on " + opening.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return day + " at " + opening.toLocalTime();
    }

    private static String shortName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
    }
}
