package dev.parley.platform.internal;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the application, injected wherever time matters so tests can move it. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        // Millisecond ticks: what every database and JSON client keeps without rounding.
        return Clock.tickMillis(java.time.ZoneOffset.UTC);
    }
}
