package dev.parley.platform.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.JsonPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Maps every failure inside Spring MVC to the error envelope: a client's mistake is a 4xx, never a 500. */
@RestControllerAdvice
class ApiExceptionAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionAdvice.class);

    private final ErrorResponder errors;

    ApiExceptionAdvice(ErrorResponder errors) {
        this.errors = errors;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorEnvelope> apiException(ApiException failure, HttpServletRequest request) {
        return respond(failure, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorEnvelope> unreadable(HttpMessageNotReadableException failure, HttpServletRequest request) {
        return respond(unreadableBody(failure), request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorEnvelope> invalid(MethodArgumentNotValidException failure, HttpServletRequest request) {
        FieldError field = failure.getBindingResult().getFieldError();
        if (field == null) {
            return respond(new ApiException(ErrorCode.INVALID_REQUEST), request);
        }
        return respond(fromConstraint(snakeCase(field.getField()), field.getCode(), field.getRejectedValue()), request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ErrorEnvelope> invalidParameter(
            HandlerMethodValidationException failure, HttpServletRequest request) {
        String name = failure.getParameterValidationResults().stream()
                .findFirst()
                .map(r -> r.getMethodParameter().getParameterName())
                .orElse("request");
        return respond(ApiException.invalidField(snakeCase(name), "invalid_value"), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ErrorEnvelope> violated(ConstraintViolationException failure, HttpServletRequest request) {
        String path = failure.getConstraintViolations().stream()
                .findFirst()
                .map(v -> v.getPropertyPath().toString())
                .orElse("request");
        return respond(ApiException.invalidField(snakeCase(path), "invalid_value"), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorEnvelope> typeMismatch(
            MethodArgumentTypeMismatchException failure, HttpServletRequest request) {
        ApiException nested = cause(failure, ApiException.class);
        if (nested != null) {
            return respond(nested, request);
        }
        return respond(
                new ApiException(
                        ErrorCode.INVALID_REQUEST,
                        "error.invalid_request.parameter",
                        Map.of("parameter", failure.getName(), "reason", "invalid_type"),
                        failure.getName()),
                request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorEnvelope> missingParameter(
            MissingServletRequestParameterException failure, HttpServletRequest request) {
        return respond(ApiException.missingField(failure.getParameterName()), request);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ErrorEnvelope> missingPart(MissingServletRequestPartException failure, HttpServletRequest request) {
        return respond(ApiException.missingField(failure.getRequestPartName()), request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorEnvelope> missingHeader(MissingRequestHeaderException failure, HttpServletRequest request) {
        return respond(ApiException.missingField(failure.getHeaderName()), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorEnvelope> noRoute(NoResourceFoundException failure, HttpServletRequest request) {
        return respond(noRoute(request), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorEnvelope> methodNotAllowed(
            HttpRequestMethodNotSupportedException failure, HttpServletRequest request) {
        ResponseEntity<ErrorEnvelope> response = respond(
                new ApiException(
                        ErrorCode.METHOD_NOT_ALLOWED,
                        null,
                        Map.of("method", failure.getMethod(), "allowed", allowed(failure)),
                        failure.getMethod()),
                request);
        return ResponseEntity.status(response.getStatusCode())
                .header(HttpHeaders.ALLOW, String.join(", ", allowed(failure)))
                .body(response.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorEnvelope> unsupportedMediaType(
            HttpMediaTypeNotSupportedException failure, HttpServletRequest request) {
        String given = failure.getContentType() == null
                ? "none"
                : failure.getContentType().toString();
        return respond(
                new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, null, Map.of("content_type", given), given),
                request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ErrorEnvelope> malformedMultipart(MultipartException failure, HttpServletRequest request) {
        return respond(
                new ApiException(ErrorCode.INVALID_REQUEST, null, Map.of("reason", "malformed_multipart")), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorEnvelope> notAcceptable(
            HttpMediaTypeNotAcceptableException failure, HttpServletRequest request) {
        return respond(
                new ApiException(
                        ErrorCode.INVALID_REQUEST, null, Map.of("header", "Accept", "reason", "not_acceptable")),
                request);
    }

    /** Tomcat's refusal of a form or query it cannot decode (the query is checked before, forms are not). */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ErrorEnvelope> undecodableParameters(
            org.apache.tomcat.util.http.InvalidParameterException failure, HttpServletRequest request) {
        return respond(
                new ApiException(ErrorCode.INVALID_REQUEST, null, Map.of("reason", "undecodable_parameters")), request);
    }

    /**
     * A value longer than its column, which no check before the database caught: the client's value is too long
     * (SQLSTATE 22001 on PostgreSQL and H2), and its transaction has rolled back, so nothing of the request stays.
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ResponseEntity<ErrorEnvelope> tooLongForItsColumn(
            org.springframework.dao.DataIntegrityViolationException failure, HttpServletRequest request) {
        java.sql.SQLException sql = cause(failure, java.sql.SQLException.class);
        if (sql == null || !"22001".equals(sql.getSQLState())) {
            return unexpected(failure, request);
        }
        log.warn(
                "A value too long for its column on {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                sql.getSQLState());
        return respond(
                new ApiException(
                        ErrorCode.INVALID_REQUEST,
                        "error.invalid_request.value_too_long",
                        Map.of("reason", "value_too_long")),
                request);
    }

    /**
     * The client of a stream went away (a console page navigated on, a closed tab) while it was being written to:
     * there is no one to answer and nothing went wrong on our side.
     */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void clientGone() {}

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorEnvelope> unexpected(Exception failure, HttpServletRequest request) {
        ApiException nested = cause(failure, ApiException.class);
        if (nested != null) {
            return respond(nested, request);
        }
        if (noConnection(failure)) {
            log.warn(
                    "No database connection within the pool's wait on {} {}",
                    request.getMethod(),
                    request.getRequestURI());
            return respond(ApiException.busy(), request);
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), failure);
        return respond(new ApiException(ErrorCode.INTERNAL_ERROR), request);
    }

    static ApiException noRoute(HttpServletRequest request) {
        return new ApiException(
                ErrorCode.NOT_FOUND,
                "error.not_found.route",
                Map.of("method", request.getMethod(), "path", request.getRequestURI()),
                request.getMethod(),
                request.getRequestURI());
    }

    private ResponseEntity<ErrorEnvelope> respond(ApiException failure, HttpServletRequest request) {
        // The envelope is JSON whatever the request accepted (an event stream, say), never a 406 instead.
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(
                        failure.code().status())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_LANGUAGE,
                        ErrorResponder.locale(request).getLanguage());
        if (failure.code() == ErrorCode.INVALID_API_KEY) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        failure.retryAfter().ifPresent(seconds -> builder.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
        return builder.body(errors.envelope(request, failure));
    }

    private static ApiException unreadableBody(HttpMessageNotReadableException failure) {
        ApiException nested = cause(failure, ApiException.class);
        if (nested != null) {
            return nested;
        }
        PayloadTooLargeException tooLarge = cause(failure, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge.toApiException();
        }
        UnrecognizedPropertyException unknown = cause(failure, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return ApiException.invalidField(JsonPaths.of(unknown), "unknown_field");
        }
        InvalidFormatException format = cause(failure, InvalidFormatException.class);
        if (format != null) {
            return ApiException.invalidField(JsonPaths.of(format), "invalid_format");
        }
        MismatchedInputException mismatch = cause(failure, MismatchedInputException.class);
        if (mismatch != null) {
            String path = JsonPaths.of(mismatch);
            if (path.isEmpty()) {
                return new ApiException(
                        ErrorCode.INVALID_REQUEST,
                        "error.invalid_request.body_required",
                        Map.of("reason", "body_required"));
            }
            return ApiException.invalidField(path, "invalid_type");
        }
        StreamReadException malformed = cause(failure, StreamReadException.class);
        if (malformed != null || failure.getCause() == null) {
            String reason = failure.getCause() == null ? "body_required" : "malformed_json";
            return new ApiException(
                    ErrorCode.INVALID_REQUEST, "error.invalid_request." + reason, Map.of("reason", reason));
        }
        JacksonException other = cause(failure, JacksonException.class);
        if (other != null && !JsonPaths.of(other).isEmpty()) {
            return ApiException.invalidField(JsonPaths.of(other), "invalid_value");
        }
        return new ApiException(
                ErrorCode.INVALID_REQUEST, "error.invalid_request.malformed_json", Map.of("reason", "malformed_json"));
    }

    private static ApiException fromConstraint(String field, String constraint, Object rejected) {
        if (constraint == null) {
            return ApiException.invalidField(field, "invalid_value");
        }
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" ->
                rejected == null ? ApiException.missingField(field) : ApiException.invalidField(field, "invalid_value");
            case "Size", "Length" -> ApiException.invalidField(field, "too_long");
            case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero", "Range" ->
                ApiException.invalidField(field, "out_of_range");
            case "Email", "Pattern" -> ApiException.invalidField(field, "invalid_format");
            default -> ApiException.invalidField(field, "invalid_value");
        };
    }

    private static List<String> allowed(HttpRequestMethodNotSupportedException failure) {
        return failure.getSupportedHttpMethods() == null
                ? List.of()
                : failure.getSupportedHttpMethods().stream()
                        .map(Object::toString)
                        .toList();
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whether a failure is the connection pool's refusal to wait longer for a connection
     * ({@code PARLEY_DB_POOL_WAIT}): the node is too busy for the request, which stored nothing.
     */
    static boolean noConnection(Throwable failure) {
        return cause(failure, java.sql.SQLTransientConnectionException.class) != null;
    }

    static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
