package dev.parley.conversation.internal;

import dev.parley.platform.Languages;
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
 * when the team is back. Said in the customer's language, English or Uzbek ({@link Languages}).
 */
final class WaitNotice {

    private static final Locale UZBEK = Locale.forLanguageTag("uz");

    private WaitNotice() {}

    static String forCustomer(WorkingHours hours, String ticket, Instant now, Locale language) {
        boolean uz = uzbek(language);
        boolean open = hours.openAt(now);
        Optional<ZonedDateTime> opening = open ? Optional.empty() : nextOpening(hours, now);
        if (uz) {
            String when = open
                    ? "Jamoamiz hozir ishda, uzoq kuttirmaymiz."
                    : opening.map(at -> "Jamoamiz hozir ishda emas, " + spoken(at, now, hours, true) + " ("
                                    + hours.timezone() + ") qaytadi; xabaringiz shu yerda ularni kutadi.")
                            .orElse("Jamoamiz hozir ishda emas; xabaringiz shu yerda ularni kutadi.");
            return "Rahmat. Bu yerda sizga yordamchi emas, jamoamiz xodimi javob beradi. " + when
                    + " Murojaat raqamingiz: " + ticket + ".";
        }
        String when = open
                ? "The team is in now, so it should not be long."
                : opening.map(at -> "The team is away now and back " + spoken(at, now, hours, false) + " ("
                                + hours.timezone() + "); your message waits for them here.")
                        .orElse("The team is away now; your message waits for them here.");
        return "Thank you. A person from our team will reply here, not the assistant. " + when
                + " Your reference number is " + ticket + ".";
    }

    /**
     * What the customer is told when their conversation is escalated: seed 001's sentence in English, word for word,
     * as its clients read it.
     */
    static String escalated(String ticket, Locale language) {
        return uzbek(language)
                ? "Sizni qoʻllab-quvvatlash jamoamiz bilan bogʻladim. Tez orada xodimimiz javob beradi. Murojaat"
                        + " raqamingiz: " + ticket + "."
                : "I've connected you with our support team. A team member will be with you shortly. "
                        + "Your reference number is " + ticket + ".";
    }

    private static boolean uzbek(Locale language) {
        return language != null && language.getLanguage().equals(UZBEK.getLanguage());
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

    private static String spoken(ZonedDateTime opening, Instant now, WorkingHours hours, boolean uz) {
        LocalDate today = now.atZone(ZoneId.of(hours.timezone())).toLocalDate();
        if (uz) {
            String day = opening.toLocalDate().equals(today)
                    ? "bugun"
                    : opening.toLocalDate().equals(today.plusDays(1))
                            ? "ertaga"
                            : opening.getDayOfWeek().getDisplayName(TextStyle.FULL, UZBEK);
            return day + " soat " + opening.toLocalTime();
        }
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
