package dev.parley.platform;

/**
 * Every error Parley answers with: the wire code of seed 001's envelope and its HTTP status. The message of each
 * code lives in {@code messages*.properties} under {@code error.<code>}.
 */
public enum ErrorCode {
    INVALID_REQUEST(400),
    MISSING_FIELD(400),
    INVALID_API_KEY(401),
    INVALID_CREDENTIALS(401),
    /** An inbound webhook whose signature is missing or wrong, or whose sender is unknown. */
    INVALID_SIGNATURE(401),
    INSUFFICIENT_PERMISSIONS(403),
    DOMAIN_NOT_CONFIGURED(403),
    /** A signed link (file upload or download, export download) whose signature does not match. */
    INVALID_LINK(403),
    /** A signed link used after its expiry. */
    LINK_EXPIRED(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    CONFLICT(409),
    CONVERSATION_CLOSED(409),
    IDEMPOTENCY_KEY_REUSED(409),
    IDEMPOTENCY_REQUEST_IN_PROGRESS(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    /** Headers larger than the server reads (an {@code Authorization} header holds one key, not kilobytes). */
    REQUEST_HEADERS_TOO_LARGE(431),
    RATE_LIMITED(429),
    QUOTA_EXCEEDED(429),
    INTERNAL_ERROR(500),
    INTEGRATION_ERROR(502),
    SERVICE_UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The code as it appears on the wire, e.g. {@code invalid_request}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
