package dev.parley.platform.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the errors the servlet container raises before Spring MVC runs (a malformed URL, a broken request line)
 * with the same envelope, in place of Spring Boot's whitelabel page.
 */
@RestController
class FallbackErrorController implements ErrorController {

    private final ErrorResponder errors;

    FallbackErrorController(ErrorResponder errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    ResponseEntity<ErrorEnvelope> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer s ? s : 500;
        ErrorCode errorCode = switch (code) {
            case 401 -> ErrorCode.INVALID_API_KEY;
            case 403 -> ErrorCode.INSUFFICIENT_PERMISSIONS;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> code >= 400 && code < 500 ? ErrorCode.INVALID_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
        ApiException failure = new ApiException(errorCode, "error." + errorCode.wire(), Map.of(), "?", "?");
        return ResponseEntity.status(errorCode.status()).body(errors.envelope(request, failure));
    }
}
