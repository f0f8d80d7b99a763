package dev.parley.platform.internal;

import io.lettuce.core.RedisClient;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rate-limit windows live in Redis when {@code parley.redis.url} is set, in this process otherwise. */
@Configuration(proxyBeanMethods = false)
class RateWindowsConfiguration {

    @Bean
    RateWindows rateWindows(ObjectProvider<RedisClient> redis, Clock clock) {
        RedisClient client = redis.getIfAvailable();
        return client == null ? new LocalRateWindows(clock) : new RedisRateWindows(client.connect(), clock);
    }
}
