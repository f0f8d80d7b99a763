package dev.parley.platform.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.CallerResolver;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.PublicPath;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every {@code /v1} request by its bearer key. A request without a valid key is limited per IP first
 * (so guessing keys is slow) and then refused with 401.
 */
class AuthenticationFilter extends OncePerRequestFilter {

    private final CallerResolver resolver;
    private final RateLimitService rateLimits;
    private final ErrorResponder errors;
    private final List<String> publicPrefixes;

    AuthenticationFilter(
            CallerResolver resolver, RateLimitService rateLimits, ErrorResponder errors, List<PublicPath> publicPaths) {
        this.resolver = resolver;
        this.rateLimits = rateLimits;
        this.errors = errors;
        this.publicPrefixes = publicPaths.stream().map(PublicPath::prefix).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean protectedPath =
                path.startsWith("/v1/") && publicPrefixes.stream().noneMatch(path::startsWith);
        String token = bearer(request.getHeader("Authorization"));
        Optional<Caller> caller = Optional.empty();
        try {
            if (token != null) {
                caller = resolver.resolve(token, request.getHeader("X-Domain"), request.getHeader("Origin"));
            }
        } catch (ApiException refused) {
            if (rateLimits.admitAnonymous(request, response)) {
                errors.write(request, response, refused);
            }
            return;
        } catch (RuntimeException failure) {
            if (!ApiExceptionAdvice.noConnection(failure)) {
                throw failure;
            }
            errors.write(request, response, ApiException.busy());
            return;
        }
        if (caller.isPresent()) {
            request.setAttribute(
                    RequestAttributes.CALLER, caller.get().visiting(request.getHeader(Caller.VISITOR_TOKEN_HEADER)));
            chain.doFilter(request, response);
            return;
        }
        if (!rateLimits.admitAnonymous(request, response)) {
            return;
        }
        if (!protectedPath) {
            chain.doFilter(request, response);
            return;
        }
        String reason = token == null ? "missing" : "invalid";
        errors.write(
                request,
                response,
                new ApiException(
                        ErrorCode.INVALID_API_KEY,
                        token == null ? "error.invalid_api_key.missing" : null,
                        Map.of("reason", reason)));
    }

    private static String bearer(String header) {
        if (header == null) {
            return null;
        }
        String trimmed = header.trim();
        if (trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = trimmed.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }
}
