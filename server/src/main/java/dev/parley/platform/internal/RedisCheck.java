package dev.parley.platform.internal;

import dev.parley.platform.DependencyCheck;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Redis, pinged when {@code PARLEY_REDIS_URL} is set, {@code not_configured} otherwise (one node needs none). */
@Component
class RedisCheck implements DependencyCheck {

    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;

    RedisCheck(ObjectProvider<RedisClient> client) {
        this.client = client.getIfAvailable();
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public Status check() {
        if (client == null) {
            return Status.NOT_CONFIGURED;
        }
        try {
            return "PONG".equals(connection().sync().ping()) ? Status.HEALTHY : Status.UNHEALTHY;
        } catch (RuntimeException e) {
            return Status.UNHEALTHY;
        }
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null) {
            synchronized (this) {
                if (connection == null) {
                    connection = client.connect();
                }
                current = connection;
            }
        }
        return current;
    }
}
