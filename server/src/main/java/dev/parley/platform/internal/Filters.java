package dev.parley.platform.internal;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The edge of every request, in order: request id and seed path aliases, metrics, body limit, authentication, rate
 * limits, idempotency, unreadable requests (wildcard content types, broken query text). Then Spring MVC, where scopes are checked per handler.
 */
@Configuration(proxyBeanMethods = false)
class Filters {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        return register(new RequestIdFilter(), 0);
    }

    @Bean
    FilterRegistrationBean<RequestMetricsFilter> requestMetricsFilter(RequestMetrics metrics) {
        return register(new RequestMetricsFilter(metrics), 1);
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(
            PlatformProperties properties,
            ErrorResponder errors,
            java.util.List<dev.parley.platform.BodyLimit> limits) {
        return register(new BodyLimitFilter(properties.maxBodySize().toBytes(), limits, errors), 2);
    }

    @Bean
    FilterRegistrationBean<AuthenticationFilter> authenticationFilter(
            dev.parley.platform.CallerResolver resolver,
            RateLimitService rateLimits,
            ErrorResponder errors,
            java.util.List<dev.parley.platform.PublicPath> publicPaths) {
        return register(new AuthenticationFilter(resolver, rateLimits, errors, publicPaths), 3);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitService rateLimits) {
        return register(new RateLimitFilter(rateLimits), 4);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyRecords idempotencyRecords, ErrorResponder errors) {
        return register(new IdempotencyFilter(idempotencyRecords, errors), 5);
    }

    @Bean
    FilterRegistrationBean<UnreadableRequestFilter> unreadableRequestFilter(ErrorResponder errors) {
        return register(new UnreadableRequestFilter(errors), 6);
    }

    private static <F extends Filter> FilterRegistrationBean<F> register(F filter, int position) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10 + position);
        return registration;
    }
}
