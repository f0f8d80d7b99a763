package dev.parley.platform;

import java.util.List;
import java.util.Locale;

/**
 * The languages Parley answers in (English and Uzbek, seed 003), and the one place an {@code Accept-Language} header
 * (or a stored language preference, which has the same form) is read: the error envelope, the widget socket and the
 * voice socket all choose the same way.
 */
public final class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("uz"));

    private Languages() {}

    /** The best supported language for an {@code Accept-Language} value; English when none fits or it is unreadable. */
    public static Locale preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale found = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return found == null ? Locale.ENGLISH : found;
        } catch (IllegalArgumentException unreadable) {
            return Locale.ENGLISH;
        }
    }
}
