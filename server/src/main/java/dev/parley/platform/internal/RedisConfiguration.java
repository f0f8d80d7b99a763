package dev.parley.platform.internal;

import dev.parley.platform.DependencyCheck;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
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

    @Bean
    DependencyCheck redisCheck(RedisClient client) {
        StatefulRedisConnection<String, String> connection = client.connect();
        return new DependencyCheck() {
            @Override
            public String name() {
                return "redis";
            }

            @Override
            public Status check() {
                try {
                    return "PONG".equals(connection.sync().ping()) ? Status.HEALTHY : Status.UNHEALTHY;
                } catch (RuntimeException e) {
                    return Status.UNHEALTHY;
                }
            }
        };
    }
}
