package dev.parley.files.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.Tika;

/**
 * The types Parley accepts, by family: images a browser shows safely, PDF, plain text. A file's bytes must sniff as
 * an accepted type of the family its declared type names; what the bytes are, not what the client said, is what
 * downloads are served as. SVG and HTML are not accepted: they run scripts in a browser.
 */
final class FileTypes {

    private static final Map<String, String> FAMILIES = Map.of(
            "image/png", "image",
            "image/jpeg", "image",
            "image/gif", "image",
            "image/webp", "image",
            "application/pdf", "pdf",
            "text/plain", "text",
            "text/csv", "text");

    private static final Tika TIKA = new Tika();

    private FileTypes() {}

    /** The family of an accepted type (parameters such as {@code charset} ignored), or empty. */
    static Optional<String> family(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String bare = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(FAMILIES.get(bare));
    }

    /** What the bytes are, by their content alone (never the file's name). */
    static String sniff(byte[] bytes) {
        return TIKA.detect(bytes);
    }
}
