package dev.parley.platform.internal;

import dev.parley.platform.Ids;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id ({@code X-Request-Id}, also in the logs' MDC), and serves the seeds' own paths as
 * aliases of the canonical API: {@code /api/v1/x} (seed 002) and {@code /api/x} (seeds 000 and 004) answer as
 * {@code /v1/x}.
 */
class RequestIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_\\-.:]{8,80}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String requestId = given != null && CLIENT_ID.matcher(given).matches() ? given : Ids.next("req");
        request.setAttribute(RequestAttributes.REQUEST_ID, requestId);
        response.setHeader(HEADER, requestId);
        MDC.put("request_id", requestId);
        try {
            chain.doFilter(aliased(request), response);
        } finally {
            MDC.remove("request_id");
        }
    }

    private static HttpServletRequest aliased(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = uri.substring(context.length());
        String canonical;
        if (path.startsWith("/api/v1/")) {
            canonical = path.substring("/api".length());
        } else if (path.startsWith("/api/")) {
            canonical = "/v1" + path.substring("/api".length());
        } else {
            return request;
        }
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getRequestURI() {
                return context + canonical;
            }

            @Override
            public String getServletPath() {
                return canonical;
            }

            @Override
            public StringBuffer getRequestURL() {
                StringBuffer url = new StringBuffer();
                url.append(getScheme())
                        .append("://")
                        .append(getServerName())
                        .append(':')
                        .append(getServerPort());
                return url.append(getRequestURI());
            }
        };
    }
}
