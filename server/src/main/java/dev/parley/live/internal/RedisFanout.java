package dev.parley.live.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fan-out across nodes through one Redis pub/sub channel. A signal reaches this node's clients at once and the other
 * nodes through Redis; each node ignores its own signals when Redis hands them back. Order is kept per publishing
 * node (one connection publishes, one subscribes). When Redis is down, this node's clients still get everything
 * raised here.
 */
class RedisFanout implements Fanout, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisFanout.class);

    private final Hub hub;
    private final JsonMapper json;
    private final String channel;
    private final String node = UUID.randomUUID().toString();
    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscriber;
    private final AtomicLong lastFailureLog = new AtomicLong();

    RedisFanout(Hub hub, JsonMapper json, RedisClient client, String channel) {
        this.hub = hub;
        this.json = json;
        this.channel = channel;
        this.publisher = client.connect();
        this.subscriber = client.connectPubSub();
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                receive(message);
            }
        });
        subscriber.sync().subscribe(channel);
    }

    @Override
    public void publish(Signal signal) {
        hub.deliver(signal);
        try {
            publisher
                    .async()
                    .publish(channel, json.writeValueAsString(signal.from(node)))
                    .exceptionally(failure -> {
                        failed(failure);
                        return 0L;
                    });
        } catch (RuntimeException failure) {
            failed(failure);
        }
    }

    private void receive(String message) {
        try {
            Signal signal = json.readValue(message, Signal.class);
            if (!node.equals(signal.origin())) {
                hub.deliver(signal);
            }
        } catch (RuntimeException unreadable) {
            log.warn("Ignoring an unreadable live signal from Redis: {}", unreadable.toString());
        }
    }

    private void failed(Throwable failure) {
        long now = System.nanoTime();
        long last = lastFailureLog.get();
        if (now - last > 60_000_000_000L && lastFailureLog.compareAndSet(last, now)) {
            log.warn("Live events do not reach other nodes: Redis publish failed: {}", failure.toString());
        }
    }

    @Override
    public void close() {
        subscriber.close();
        publisher.close();
    }
}
