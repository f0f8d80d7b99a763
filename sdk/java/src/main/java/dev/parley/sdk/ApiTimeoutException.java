package dev.parley.sdk;

/** The client's own time limit for an attempt ({@code timeout}) ran out. */
public class ApiTimeoutException extends ApiConnectionException {
    private static final long serialVersionUID = 1L;

    public ApiTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
