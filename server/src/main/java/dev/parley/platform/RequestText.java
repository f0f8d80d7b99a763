package dev.parley.platform;

/**
 * The one rule for text a client sends: no NUL and no lone UTF-16 surrogate. PostgreSQL refuses NUL in text,
 * H2 stores it, and neither can be encoded as UTF-8, so such text is refused before anything is stored. Every JSON
 * body is checked as it is read; code reading text from elsewhere (socket frames) calls {@link #require}.
 */
public final class RequestText {

    private RequestText() {}

    public static boolean isWellFormed(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Refuses {@code text} with 400 naming {@code field} unless it is well-formed; {@code null} passes. */
    public static void require(String field, CharSequence text) {
        if (text != null && !isWellFormed(text)) {
            throw invalid(field);
        }
    }

    public static ApiException invalid(String field) {
        return ApiException.invalidField(field, "invalid_text");
    }
}
