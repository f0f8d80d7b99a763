package dev.parley.console.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.CallerResolver;
import dev.parley.platform.Digests;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The console's session: a cookie holding the console token (HttpOnly, SameSite=Lax, Secure on https), and a CSRF
 * token derived from it, so it is per session, needs no storage, and cannot be computed without the cookie.
 */
@Component
class ConsoleSession {

    static final String COOKIE = "parley_console";
    /** The sign-in form's CSRF token, before there is a session: a random value in a cookie and in the form. */
    static final String LOGIN_COOKIE = "parley_login";

    private static final java.util.regex.Pattern LOGIN_TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9]{32}");

    private final CallerResolver callers;

    ConsoleSession(CallerResolver callers) {
        this.callers = callers;
    }

    Optional<String> token(HttpServletRequest request) {
        return cookie(request, COOKIE);
    }

    private static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(c -> c.getName().equals(name)
                        && c.getValue() != null
                        && !c.getValue().isBlank())
                .map(Cookie::getValue)
                .findFirst();
    }

    /**
     * The sign-in form's CSRF token (double submit): the browser's {@link #LOGIN_COOKIE}, made when missing. The
     * cookie is SameSite=Strict, so another site's form can never post a sign-in with it.
     */
    String loginCsrf(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> existing =
                cookie(request, LOGIN_COOKIE).filter(v -> LOGIN_TOKEN.matcher(v).matches());
        if (existing.isPresent()) {
            return existing.get();
        }
        String token = dev.parley.platform.Ids.random(32);
        response.addHeader(
                "Set-Cookie",
                ResponseCookie.from(LOGIN_COOKIE, token)
                        .httpOnly(true)
                        .sameSite("Strict")
                        .secure(request.isSecure())
                        .path("/console/login")
                        .maxAge(Duration.ofHours(12))
                        .build()
                        .toString());
        return token;
    }

    boolean loginCsrfMatches(HttpServletRequest request, String given) {
        return given != null
                && cookie(request, LOGIN_COOKIE)
                        .filter(v -> LOGIN_TOKEN.matcher(v).matches())
                        .map(expected -> MessageDigest.isEqual(
                                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8)))
                        .orElse(false);
    }

    /** The signed-in console user, or empty when there is no session or it expired or ended. */
    Optional<Caller> caller(HttpServletRequest request) {
        return token(request).flatMap(token -> {
            try {
                return callers.resolve(token, null, null).filter(Caller::isAgent);
            } catch (ApiException refused) {
                return Optional.empty();
            }
        });
    }

    void start(HttpServletRequest request, HttpServletResponse response, String token, Instant expiresAt) {
        long seconds = Math.max(1, Duration.between(Instant.now(), expiresAt).toSeconds());
        response.addHeader(
                "Set-Cookie",
                cookie(request, token, Duration.ofSeconds(seconds)).toString());
    }

    void end(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", cookie(request, "", Duration.ZERO).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .sameSite("Lax")
                .secure(request.isSecure())
                .path("/console")
                .maxAge(maxAge)
                .build();
    }

    String csrf(HttpServletRequest request) {
        return token(request).map(t -> Digests.sha256Hex("console-csrf:" + t)).orElse("");
    }

    boolean csrfMatches(HttpServletRequest request, String given) {
        String expected = csrf(request);
        return given != null
                && !expected.isEmpty()
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
