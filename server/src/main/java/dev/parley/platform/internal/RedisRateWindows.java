package dev.parley.platform.internal;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.util.List;

/**
 * Windows kept in Redis, so every node behind a load balancer enforces one limit. A window is a hash of slot number to
 * {@code count:latest}, read, pruned and counted in one script (atomic in Redis); the time is the application's
 * clock, as every node's is. A window's key expires once nothing in it counts any more.
 */
class RedisRateWindows implements RateWindows {

    private static final String PREFIX = "parley:ratewindow:";

    /**
     * KEYS[1] the window; ARGV now, slot width and period (ms), limit. Returns whether it admitted, then the count
     * and latest admission of every slot that counts.
     */
    private static final String SCRIPT = """
            local now = tonumber(ARGV[1])
            local width = tonumber(ARGV[2])
            local period = tonumber(ARGV[3])
            local limit = tonumber(ARGV[4])
            local current = string.format('%d', math.floor(now / width))
            local slots = {}
            local total = 0
            local raw = redis.call('HGETALL', KEYS[1])
            for i = 1, #raw, 2 do
              local count, latest = string.match(raw[i + 1], '(%d+):(%d+)')
              count = tonumber(count)
              latest = tonumber(latest)
              if latest > now - period then
                slots[raw[i]] = {count, latest}
                total = total + count
              else
                redis.call('HDEL', KEYS[1], raw[i])
              end
            end
            local admitted = 0
            if total < limit then
              local slot = slots[current] or {0, now}
              slot = {slot[1] + 1, math.max(slot[2], now)}
              slots[current] = slot
              redis.call('HSET', KEYS[1], current, string.format('%d:%d', slot[1], slot[2]))
              admitted = 1
            end
            redis.call('PEXPIRE', KEYS[1], period + width + 10000)
            local result = {admitted}
            for _, slot in pairs(slots) do
              result[#result + 1] = slot[1]
              result[#result + 1] = slot[2]
            end
            return result
            """;

    private final StatefulRedisConnection<String, String> connection;
    private final Clock clock;
    private volatile String sha;

    RedisRateWindows(StatefulRedisConnection<String, String> connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
        this.sha = connection.sync().scriptLoad(SCRIPT);
    }

    @Override
    public Probe tryConsume(String key, Limit limit) {
        long now = clock.millis();
        String[] keys = {PREFIX + key};
        String[] args = {
            Long.toString(now),
            Long.toString(limit.slotMillis()),
            Long.toString(limit.period().toMillis()),
            Long.toString(limit.limit())
        };
        List<Long> result;
        try {
            result = connection.sync().evalsha(sha, ScriptOutputType.MULTI, keys, args);
        } catch (RedisNoScriptException flushed) {
            sha = connection.sync().scriptLoad(SCRIPT);
            result = connection.sync().evalsha(sha, ScriptOutputType.MULTI, keys, args);
        }
        int slots = (result.size() - 1) / 2;
        long[] counts = new long[slots];
        long[] latest = new long[slots];
        for (int i = 0; i < slots; i++) {
            counts[i] = result.get(1 + 2 * i);
            latest[i] = result.get(2 + 2 * i);
        }
        return Probe.of(limit, result.get(0) == 1L, counts, latest, now);
    }
}
