package dev.parley.console.internal;

import dev.parley.platform.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every console page but sign-in needs a live session (else back to sign-in; htmx requests are told to go there),
 * and every POST needs the session's CSRF token (else 403).
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
        Optional<Caller> caller = sessions.caller(request);
        if (caller.isEmpty()) {
            sessions.end(request, response);
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", "/console/login");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect("/console/login");
            }
            return false;
        }
        if ("POST".equals(request.getMethod()) && !sessions.csrfMatches(request, request.getParameter("_csrf"))) {
            response.setContentType("text/plain;charset=UTF-8");
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.getWriter().write("Forbidden: the form's security token is missing or wrong. Reload the page.");
            return false;
        }
        request.setAttribute(CALLER, caller.get());
        return true;
    }
}
