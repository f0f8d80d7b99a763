package dev.parley.widget.internal;

import dev.parley.platform.Caller;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The widget's web plumbing: {@code /widget.js} served with caching headers, and cross-origin access to {@code /v1}
 * so a store's pages can call Parley. Browsers send no credentials (the key is a bearer header), and the publishable
 * key itself is refused from origins outside the workspace's domains, so answering any origin's preflight is safe.
 */
@Configuration(proxyBeanMethods = false)
class WidgetWeb implements WebMvcConfigurer {

    static final Duration SCRIPT_MAX_AGE = Duration.ofHours(1);

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/widget.js")
                .addResourceLocations("classpath:/widget/")
                .setCacheControl(CacheControl.maxAge(SCRIPT_MAX_AGE).cachePublic())
                .resourceChain(true);
    }

    @Bean
    FilterRegistrationBean<Filter> widgetCorsFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new CorsFilter());
        // Before authentication (platform's filters start at HIGHEST_PRECEDENCE + 10, authentication is the 4th).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
        return registration;
    }

    static final class CorsFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String origin = request.getHeader("Origin");
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (origin == null || !path.startsWith("/v1/")) {
                chain.doFilter(request, response);
                return;
            }
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.addHeader("Vary", "Origin");
            if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
                response.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
                response.setHeader(
                        "Access-Control-Allow-Headers",
                        "Authorization, Content-Type, Accept-Language, Idempotency-Key, X-Domain, "
                                + Caller.VISITOR_TOKEN_HEADER);
                response.setHeader("Access-Control-Max-Age", "600");
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                return;
            }
            response.setHeader(
                    "Access-Control-Expose-Headers",
                    "X-Request-Id, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset");
            chain.doFilter(request, response);
        }
    }
}
