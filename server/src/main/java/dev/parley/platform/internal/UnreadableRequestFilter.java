package dev.parley.platform.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.RequestText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, the parts of a request no handler can read: a body whose {@code Content-Type}
 * is a wildcard ({@code *}{@code /*}, {@code application/*}) or unreadable gets 415 (it names no type to read the
 * body as, and Spring's request headers cannot even hold it); a query parameter that is not UTF-8 or holds what
 * {@link RequestText} refuses gets 400 naming it.
 */
class UnreadableRequestFilter extends OncePerRequestFilter {

    private final ErrorResponder errors;

    UnreadableRequestFilter(ErrorResponder errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        String given = request.getContentType();
        boolean mayHaveBody = !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
        if (mayHaveBody && given != null && !given.isBlank() && !namesOneType(given)) {
            String shown = given.length() > 100 ? given.substring(0, 100) : given;
            errors.write(
                    request,
                    response,
                    new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, null, Map.of("content_type", shown), shown));
            return;
        }
        String unreadable = unreadableParameter(request.getQueryString());
        if (unreadable != null) {
            errors.write(
                    request,
                    response,
                    new ApiException(
                            ErrorCode.INVALID_REQUEST,
                            "error.invalid_request.parameter",
                            Map.of("parameter", unreadable, "reason", "invalid_text"),
                            unreadable));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean namesOneType(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    /** The first query parameter that is not well-formed text (its name, or {@code query}), or null. */
    static String unreadableParameter(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (name == null || !RequestText.isWellFormed(name)) {
                return "query";
            }
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (value == null || !RequestText.isWellFormed(value)) {
                return name;
            }
        }
        return null;
    }

    /** Percent-decodes strictly as UTF-8: null for a broken escape or bytes that are not UTF-8. */
    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()
                        || !HexFormat.isHexDigit(encoded.charAt(i + 1))
                        || !HexFormat.isHexDigit(encoded.charAt(i + 2))) {
                    return null;
                }
                bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }
}
