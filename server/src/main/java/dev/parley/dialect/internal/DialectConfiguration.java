package dev.parley.dialect.internal;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** The dialect filter runs first, so it sees the path the client sent and every body written after it, errors too. */
@Configuration(proxyBeanMethods = false)
class DialectConfiguration {

    @Bean
    FilterRegistrationBean<DialectFilter> dialectFilter(Clock clock, JsonMapper json) {
        FilterRegistrationBean<DialectFilter> registration =
                new FilterRegistrationBean<>(new DialectFilter(new SeedDialects(clock), json));
        // Before the platform's filters (request id and seed aliases at HIGHEST_PRECEDENCE + 10).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 9);
        return registration;
    }
}
