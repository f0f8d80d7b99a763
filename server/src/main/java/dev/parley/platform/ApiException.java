package dev.parley.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the caller can act on. It carries an {@link ErrorCode}, the key and arguments of its localized message
 * (in {@code messages*.properties}), and details for the envelope; one advice turns it into the error envelope.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String messageKey;
    private final Object[] messageArgs;
    private final Map<String, Object> details;

    /**
     * @param messageKey a key of {@code messages.properties}; {@code null} for the code's generic message
     */
    public ApiException(ErrorCode code, String messageKey, Map<String, ?> details, Object... messageArgs) {
        super(messageKey != null ? messageKey : code.wire());
        this.code = code;
        this.messageKey = messageKey != null ? messageKey : "error." + code.wire();
        this.messageArgs = messageArgs;
        this.details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public ApiException(ErrorCode code) {
        this(code, null, Map.of());
    }

    public ErrorCode code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] messageArgs() {
        return messageArgs.clone();
    }

    public Map<String, Object> details() {
        return details;
    }

    /**
     * The same failure for item {@code index} of a list named {@code list}: {@code title} becomes
     * {@code items[3].title}, in the details and in the message.
     */
    public ApiException forItem(String list, int index) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put("item", index);
        Object[] args = messageArgs.clone();
        if (details.get("field") instanceof String field) {
            String prefixed = list + "[" + index + "]." + field;
            more.put("field", prefixed);
            if (args.length > 0 && field.equals(args[0])) {
                args[0] = prefixed;
            }
        }
        return new ApiException(code, messageKey, more, args);
    }

    /** The {@code ApiException} a failure carries somewhere in its causes, if any. */
    public static java.util.Optional<ApiException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return java.util.Optional.of(api);
            }
        }
        return java.util.Optional.empty();
    }

    /** Another workspace's resource answers exactly like a missing one. */
    public static ApiException notFound(String resource, String id) {
        return new ApiException(
                ErrorCode.NOT_FOUND, "error.not_found.resource", Map.of("resource", resource, "id", id), resource, id);
    }

    /** A field's value is not acceptable; {@code reason} is a short machine-readable word. */
    public static ApiException invalidField(String field, String reason) {
        return new ApiException(
                ErrorCode.INVALID_REQUEST,
                "error.invalid_request.field." + reason,
                Map.of("field", field, "reason", reason),
                field);
    }

    public static ApiException missingField(String field) {
        return new ApiException(
                ErrorCode.MISSING_FIELD, "error.missing_field", Map.of("field", field, "reason", "required"), field);
    }

    /**
     * A refusal that lifts by itself after {@code seconds}: {@code retry_after} in the details and a
     * {@code Retry-After} header on the response. The message gets the seconds as its argument.
     */
    public static ApiException retryLater(ErrorCode code, String messageKey, long seconds) {
        return new ApiException(code, messageKey, Map.of("retry_after", seconds), seconds);
    }

    /**
     * The node has no capacity for the request right now (no database connection, no embedding thread freed within
     * its wait): 503 with {@code Retry-After}, so the client retries instead of the request waiting unbounded.
     */
    public static ApiException busy() {
        return new Busy();
    }

    /**
     * A refusal for lack of capacity: made hundreds of times a second when a node is saturated, for a client that will
     * retry, so it builds no stack trace (which cost the busy node CPU for nothing anyone reads).
     */
    private static final class Busy extends ApiException {

        private static final long RETRY_AFTER_SECONDS = 1;

        Busy() {
            super(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "error.service_unavailable.busy",
                    Map.of("retry_after", RETRY_AFTER_SECONDS),
                    RETRY_AFTER_SECONDS);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** The seconds after which a retry may succeed, when the failure says so. */
    public java.util.OptionalLong retryAfter() {
        return details.get("retry_after") instanceof Number seconds
                ? java.util.OptionalLong.of(seconds.longValue())
                : java.util.OptionalLong.empty();
    }

    public static ApiException forbidden(String requiredScope) {
        return new ApiException(
                ErrorCode.INSUFFICIENT_PERMISSIONS,
                "error.insufficient_permissions",
                Map.of("required_permission", requiredScope),
                requiredScope);
    }
}
