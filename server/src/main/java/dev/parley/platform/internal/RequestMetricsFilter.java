package dev.parley.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/** Times every request under the route pattern that served it; requests no route served count as "other". */
class RequestMetricsFilter extends OncePerRequestFilter {

    private final RequestMetrics metrics;

    RequestMetricsFilter(RequestMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            String operation = pattern == null
                            || pattern.toString().equals("/error")
                            || pattern.toString().equals("/**")
                    ? "other"
                    : request.getMethod() + " " + pattern;
            metrics.record(operation, System.nanoTime() - start);
        }
    }
}
