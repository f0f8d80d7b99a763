package dev.parley.privacy.internal;

import java.util.Locale;

/** Where a data export stands: being made, ready to download, failed, or past its download window. */
enum ExportStatus {
    PROCESSING,
    COMPLETED,
    FAILED,
    EXPIRED;

    /** The {@code status} column's and the API's word. */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ExportStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
