package dev.parley.files.internal;

import java.util.Locale;

/**
 * Where an uploaded file stands: its upload link was given ({@code pending}), the bytes are arriving
 * ({@code uploading}), were refused ({@code rejected}) or stored ({@code uploaded}), and it was attached to a
 * conversation ({@code attached}), the only state in which it is served.
 */
enum FileStatus {
    PENDING,
    UPLOADING,
    REJECTED,
    UPLOADED,
    ATTACHED;

    /** The {@code status} column's and the API's word. */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static FileStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
