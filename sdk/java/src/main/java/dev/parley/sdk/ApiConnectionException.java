package dev.parley.sdk;

/** The request never got an answer: refused connection, reset, DNS failure, or the client's timeout. */
public class ApiConnectionException extends ParleyException {
    private static final long serialVersionUID = 1L;

    public ApiConnectionException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "connection_error";
    }
}
