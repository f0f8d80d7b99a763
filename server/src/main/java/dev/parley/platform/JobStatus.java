package dev.parley.platform;

import java.util.Locale;

/** Where a job stands: queued, running, or stopping, and the three ways it can end. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    /** Its owner asked it to stop while it ran; the handler sees that and ends it. */
    CANCELLING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    /** The {@code status} column's value. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Succeeded, failed or cancelled: it will not run again. */
    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /** Cancelling or cancelled: its owner asked it to stop. */
    public boolean stopRequested() {
        return this == CANCELLING || this == CANCELLED;
    }
}
