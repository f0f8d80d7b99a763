package dev.parley.platform;

import java.util.regex.Pattern;

/** What Parley accepts as an email address wherever one is given: a local part, an @, and a domain with a dot. */
public final class EmailAddresses {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private EmailAddresses() {}

    /** Whether the text has an email address's shape (nothing is sent to check it). */
    public static boolean wellFormed(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }
}
