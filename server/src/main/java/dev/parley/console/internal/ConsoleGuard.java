package dev.parley.console.internal;

import dev.parley.platform.Caller;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every console page but sign-in needs a live session (else back to sign-in; htmx requests are told to go there, and
 * the event stream gets a plain 401), and every POST needs the session's CSRF token (else 403). A stream that ends
 * comes back through here as an async dispatch of a request admitted already, whose response is committed: it is
 * let through, never redirected.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleGuard implements WebMvcConfigurer {

    static final String CALLER = "dev.parley.console.caller";

    private final ConsoleSession sessions;

    ConsoleGuard(ConsoleSession sessions) {
        this.sessions = sessions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                            throws Exception {
                        return admit(request, response);
                    }
                })
                .addPathPatterns("/console", "/console/**")
                .excludePathPatterns("/console/login", "/console/*.css", "/console/*.js");
    }

    private boolean admit(HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            return request.getAttribute(CALLER) != null;
        }
        Optional<Caller> caller = sessions.caller(request);
        if (caller.isEmpty()) {
            sessions.end(request, response);
            if (isEventStream(request)) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", "/console/login");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect("/console/login");
            }
            return false;
        }
        if ("POST".equals(request.getMethod()) && !sessions.csrfMatches(request, csrfField(request))) {
            response.setContentType("text/plain;charset=UTF-8");
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.getWriter().write("Forbidden: the form's security token is missing or wrong. Reload the page.");
            return false;
        }
        request.setAttribute(CALLER, caller.get());
        return true;
    }

    private static boolean isEventStream(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getRequestURI().equals(request.getContextPath() + ConsoleController.EVENTS)
                || (accept != null && accept.contains("text/event-stream"));
    }

    /** The form's token; a file upload's form fields are parts, which {@code getParameter} may not read. */
    private static String csrfField(HttpServletRequest request) throws IOException, ServletException {
        String given = request.getParameter("_csrf");
        String type = request.getContentType();
        if (given == null && type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            Part part = request.getPart("_csrf");
            if (part != null && part.getSize() <= 256) {
                given = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return given;
    }
}
