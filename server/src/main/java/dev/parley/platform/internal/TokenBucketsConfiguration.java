package dev.parley.platform.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rate-limit buckets live in Redis when {@code parley.redis.url} is set, in this process otherwise. */
@Configuration(proxyBeanMethods = false)
class TokenBucketsConfiguration {

    @Bean
    TokenBuckets tokenBuckets(ObjectProvider<RedisClient> redis, Clock clock) {
        RedisClient client = redis.getIfAvailable();
        if (client == null) {
            return new LocalTokenBuckets(clock);
        }
        StatefulRedisConnection<String, byte[]> connection =
                client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        return new RedisTokenBuckets(connection, clock);
    }
}
