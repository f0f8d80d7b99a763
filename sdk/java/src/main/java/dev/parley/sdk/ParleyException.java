package dev.parley.sdk;

/** The base of everything this SDK throws (unchecked). {@link #code()} says what went wrong in the API's words. */
public class ParleyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ParleyException(String message) {
        super(message);
    }

    public ParleyException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A machine-readable reason: the API's error code, or {@code connection_error}, {@code invalid_signature}. */
    public String code() {
        return "parley_error";
    }
}
