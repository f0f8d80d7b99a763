package dev.parley.platform.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.Ids;
import dev.parley.platform.Languages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds and writes the error envelope of seed 001, localized by {@code Accept-Language} as seed 003 asks:
 * {@code {"error":{"code","message","message_en","details","request_id"},"request_id"}}: {@code message_en} is the
 * English message whatever the language of {@code message}, and the request id is in both places seeds 001 and
 * 002/003 read it.
 */
@Component
class ErrorResponder {

    private final MessageSource messages;
    private final JsonMapper json;

    ErrorResponder(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    ErrorEnvelope envelope(HttpServletRequest request, ApiException failure) {
        Locale locale = locale(request);
        String english = message(failure, Locale.ENGLISH);
        String requestId = requestId(request);
        return new ErrorEnvelope(
                new ErrorEnvelope.Error(
                        failure.code().wire(),
                        locale.getLanguage().equals("en") ? english : message(failure, locale),
                        english,
                        failure.details(),
                        requestId),
                requestId);
    }

    /** Writes the envelope straight to the response, for failures found before Spring MVC runs. */
    void write(HttpServletRequest request, HttpServletResponse response, ApiException failure) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(failure.code().status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", locale(request).getLanguage());
        if (failure.code() == ErrorCode.INVALID_API_KEY) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        failure.retryAfter().ifPresent(seconds -> response.setHeader("Retry-After", Long.toString(seconds)));
        json.writeValue(response.getOutputStream(), envelope(request, failure));
    }

    static String requestId(HttpServletRequest request) {
        Object id = request.getAttribute(RequestAttributes.REQUEST_ID);
        return id != null ? id.toString() : Ids.next("req");
    }

    /** The best of the supported languages for the request's {@code Accept-Language}, English by default. */
    static Locale locale(HttpServletRequest request) {
        return Languages.preferred(request.getHeader("Accept-Language"));
    }

    private String message(ApiException failure, Locale locale) {
        String generic = messages.getMessage(
                "error." + failure.code().wire(), null, failure.code().wire(), locale);
        return messages.getMessage(failure.messageKey(), failure.messageArgs(), generic, locale);
    }
}
