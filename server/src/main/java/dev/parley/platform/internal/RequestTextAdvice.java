package dev.parley.platform.internal;

import dev.parley.platform.RequestText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies {@link RequestText} to every string and property name of every JSON body before it is bound, whatever
 * the target type (records, maps, trees), so no endpoint needs its own check. The field is named as
 * {@code details.field} names it elsewhere ({@code context.page_url}, {@code items[2].content}).
 */
@ControllerAdvice
class RequestTextAdvice extends RequestBodyAdviceAdapter {

    private final JsonMapper json;

    RequestTextAdvice(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return JacksonJsonHttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        byte[] body;
        try (InputStream in = input.getBody()) {
            body = in.readAllBytes();
        } catch (PayloadTooLargeException tooLarge) {
            throw tooLarge.toApiException();
        }
        check(body);
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    private void check(byte[] body) {
        try (JsonParser parser = json.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING && !RequestText.isWellFormed(parser.getString())) {
                    throw RequestText.invalid(path(parser.streamReadContext(), true));
                }
                if (token == JsonToken.PROPERTY_NAME && !RequestText.isWellFormed(parser.currentName())) {
                    throw RequestText.invalid(path(parser.streamReadContext(), false));
                }
            }
        } catch (JacksonException malformed) {
            // Not JSON: reading it for real answers with the usual malformed_json.
        }
    }

    /** {@code a.b[2].c}; with {@code named} false the property's own name is left out (it is the bad text). */
    private static String path(TokenStreamContext context, boolean named) {
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                segments.push("[" + at.getCurrentIndex() + "]");
            } else if (at != context || named) {
                segments.push(at.currentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (!path.isEmpty() && !segment.startsWith("[")) {
                path.append('.');
            }
            path.append(segment);
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
