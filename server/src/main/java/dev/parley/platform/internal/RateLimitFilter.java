package dev.parley.platform.internal;

import dev.parley.platform.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Applies the per-key, per-class and per-workspace limits to authenticated requests. */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimitService rateLimits;

    RateLimitFilter(RateLimitService rateLimits) {
        this.rateLimits = rateLimits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(RequestAttributes.CALLER) instanceof Caller caller
                && !rateLimits.admit(caller, request, response)) {
            return;
        }
        chain.doFilter(request, response);
    }
}
