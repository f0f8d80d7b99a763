package dev.parley.sdk;

import dev.parley.sdk.model.JsonObject;
import java.net.http.HttpHeaders;
import java.util.Map;

/**
 * An HTTP answer of 4xx or 5xx from the API, carrying its error envelope
 * ({@code {"error":{"code","message","message_en","details"},"request_id"}}) and the HTTP status. The subclass says
 * which family it belongs to, so callers can catch {@link RateLimitException} or switch on {@link #code()}.
 */
public class ApiException extends ParleyException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient JsonObject details;
    private final String requestId;
    private final String messageEn;
    private final transient HttpHeaders headers;
    private final String body;

    public ApiException(int status, String body, JsonObject envelope, HttpHeaders headers) {
        super(messageOf(status, body, envelope));
        JsonObject error = envelope == null ? new JsonObject(null) : envelope.getObject("error");
        this.status = status;
        this.code = error.has("code") ? error.getString("code") : "http_" + status;
        this.details = error.getObject("details");
        String fromEnvelope = envelope == null ? null : envelope.getString("request_id");
        this.requestId = fromEnvelope != null
                ? fromEnvelope
                : headers == null ? null : headers.firstValue("X-Request-Id").orElse(null);
        this.messageEn = error.getString("message_en");
        this.headers = headers == null ? HttpHeaders.of(Map.of(), (a, b) -> true) : headers;
        this.body = body;
    }

    /** The API's error code, e.g. {@code invalid_request}, {@code not_found}, {@code rate_limited}. */
    @Override
    public String code() {
        return code;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The envelope's {@code details} (e.g. {@code field}, {@code reason}); empty when absent. */
    public JsonObject details() {
        return details;
    }

    /** The request's id ({@code req_...}), from the envelope or the {@code X-Request-Id} header. */
    public String requestId() {
        return requestId;
    }

    /** The English message when {@link #getMessage()} is in another language ({@code Accept-Language}). */
    public String messageEn() {
        return messageEn;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The response body as text. */
    public String body() {
        return body;
    }

    /** The exception class for a status, so a caller can catch a family. */
    public static ApiException of(int status, String body, JsonObject envelope, HttpHeaders headers) {
        switch (status) {
            case 400:
                return new InvalidRequestException(status, body, envelope, headers);
            case 401:
                return new AuthenticationException(status, body, envelope, headers);
            case 403:
                return new PermissionDeniedException(status, body, envelope, headers);
            case 404:
                return new NotFoundException(status, body, envelope, headers);
            case 409:
                return new ConflictException(status, body, envelope, headers);
            case 413:
                return new PayloadTooLargeException(status, body, envelope, headers);
            case 415:
                return new UnsupportedMediaTypeException(status, body, envelope, headers);
            case 429:
                return new RateLimitException(status, body, envelope, headers);
            default:
                return status >= 500
                        ? new ServerException(status, body, envelope, headers)
                        : new ApiException(status, body, envelope, headers);
        }
    }

    private static String messageOf(int status, String body, JsonObject envelope) {
        String message = envelope == null ? null : envelope.getObject("error").getString("message");
        if (message != null) {
            return message;
        }
        if (body != null && !body.isBlank()) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
        return "HTTP " + status;
    }
}
