package dev.parley.platform.internal;

import io.lettuce.core.RedisClient;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The Redis client, only when {@code parley.redis.url} ({@code PARLEY_REDIS_URL}) is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${parley.redis.url:}'.isBlank()")
class RedisConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient(Environment environment) {
        io.lettuce.core.RedisURI uri =
                io.lettuce.core.RedisURI.create(environment.getRequiredProperty("parley.redis.url"));
        uri.setTimeout(Duration.ofSeconds(2));
        return RedisClient.create(uri);
    }
}
