package dev.parley.platform.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.Digests;
import dev.parley.platform.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST: the first response is stored and answers every retry with the same key and
 * request; the same key with a different request is a 409. Server errors are not stored, so they can be retried.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyRecords idempotencyRecords;
    private final ErrorResponder errors;

    IdempotencyFilter(IdempotencyRecords idempotencyRecords, ErrorResponder errors) {
        this.idempotencyRecords = idempotencyRecords;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null
                || !request.getMethod().equals("POST")
                || !(request.getAttribute(RequestAttributes.CALLER) instanceof Caller caller)) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            errors.write(request, response, ApiException.invalidField(HEADER, "invalid_value"));
            return;
        }
        String hash = requestHash(request);
        while (true) {
            Optional<IdempotencyRecords.Stored> stored =
                    idempotencyRecords.find(caller.workspaceId(), caller.mode(), key);
            if (stored.isPresent()) {
                replayOrRefuse(stored.get(), hash, request, response);
                return;
            }
            if (idempotencyRecords.begin(caller.workspaceId(), caller.mode(), key, hash)) {
                break;
            }
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(request, recorded);
            if (recorded.getStatus() < 500) {
                idempotencyRecords.complete(
                        caller.workspaceId(),
                        caller.mode(),
                        key,
                        recorded.getStatus(),
                        recorded.getContentType(),
                        recorded.getContentAsByteArray());
                completed = true;
            }
        } finally {
            if (!completed) {
                idempotencyRecords.forget(caller.workspaceId(), caller.mode(), key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void replayOrRefuse(
            IdempotencyRecords.Stored stored, String hash, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!stored.requestHash().equals(hash)) {
            errors.write(
                    request,
                    response,
                    new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED, null, Map.of("header", HEADER)));
        } else if (!stored.completed()) {
            response.setHeader("Retry-After", "1");
            errors.write(
                    request,
                    response,
                    new ApiException(ErrorCode.IDEMPOTENCY_REQUEST_IN_PROGRESS, null, Map.of("header", HEADER)));
        } else {
            response.setStatus(stored.status());
            if (stored.contentType() != null) {
                response.setContentType(stored.contentType());
            }
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(stored.body());
        }
    }

    private static String requestHash(HttpServletRequest request) {
        byte[] line = (request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        return Digests.sha256Hex(line, BodyLimitFilter.bodyOf(request));
    }
}
