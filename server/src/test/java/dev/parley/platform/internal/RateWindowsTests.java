package dev.parley.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.internal.RateWindows.Limit;
import dev.parley.platform.internal.RateWindows.Probe;
import dev.parley.support.TestClock;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The windows in this process and in Redis (127.0.0.1:6379) keep the same promise, on the tests' clock. */
class RateWindowsTests {

    static final TestClock clock = TestClock.shared();
    static final RedisClient redis = RedisClient.create("redis://127.0.0.1:6379");

    static Stream<Named<RateWindows>> windows() {
        return Stream.of(
                Named.of("in process", new LocalRateWindows(clock)),
                Named.of("in Redis", new RedisRateWindows(redis.connect(), clock)));
    }

    @AfterAll
    static void closeRedis() {
        redis.shutdown();
    }

    @BeforeEach
    void freeze() {
        clock.set(Instant.parse("2026-12-07T10:00:00.007Z"));
    }

    @AfterEach
    void resume() {
        clock.resume();
    }

    @ParameterizedTest
    @MethodSource("windows")
    void admitsNoMoreThan100InAny60SecondsAtTheBurstRate(RateWindows windows) {
        Limit perMinute = new Limit("conversation_create", 100, Duration.ofMinutes(1));
        String key = key();
        List<Instant> admitted = new ArrayList<>();

        // 20 a second for three minutes: the pace that let 149 through in 30 s with a refilling bucket.
        for (int i = 0; i < 20 * 180; i++) {
            if (windows.tryConsume(key, perMinute).consumed()) {
                admitted.add(clock.instant());
            }
            clock.advance(Duration.ofMillis(50));
        }

        assertThat(mostInAnyWindow(admitted, Duration.ofMinutes(1))).isEqualTo(100);
        assertThat(admitted.stream()
                        .filter(t -> t.isBefore(Instant.parse("2026-12-07T10:00:30.007Z")))
                        .count())
                .isEqualTo(100);
        // Strict, but not much stricter than the promise: close to 100 in each of the three minutes.
        assertThat(admitted).hasSizeGreaterThanOrEqualTo(290);
    }

    @ParameterizedTest
    @MethodSource("windows")
    void admitsNoMoreThanTheLimitInAnyWindowAtAnUnevenPace(RateWindows windows) {
        Limit perSecond = new Limit("burst", 20, Duration.ofSeconds(1));
        String key = key();
        List<Instant> admitted = new ArrayList<>();
        java.util.Random random = new java.util.Random(15);

        for (int i = 0; i < 3_000; i++) {
            if (windows.tryConsume(key, perSecond).consumed()) {
                admitted.add(clock.instant());
            }
            clock.advance(Duration.ofMillis(random.nextInt(random.nextBoolean() ? 3 : 40)));
        }

        assertThat(mostInAnyWindow(admitted, Duration.ofSeconds(1))).isEqualTo(20);
    }

    @ParameterizedTest
    @MethodSource("windows")
    void saysExactlyWhenTheNextRequestWillPass(RateWindows windows) {
        Limit perMinute = new Limit("write", 100, Duration.ofMinutes(1));
        String key = key();
        for (int i = 0; i < 100; i++) {
            windows.tryConsume(key, perMinute);
            clock.advance(Duration.ofMillis(300));
        }

        Probe refused = windows.tryConsume(key, perMinute);
        clock.advance(Duration.ofMillis(refused.millisUntilNext() - 1));
        Probe stillRefused = windows.tryConsume(key, perMinute);
        clock.advance(Duration.ofMillis(1));
        Probe admitted = windows.tryConsume(key, perMinute);

        assertThat(refused.consumed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.millisUntilNext()).isPositive();
        assertThat(stillRefused.consumed()).isFalse();
        assertThat(stillRefused.millisUntilNext()).isEqualTo(1);
        assertThat(admitted.consumed()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("windows")
    void countsDownWhatIsLeftAndWhenTheWindowIsClear(RateWindows windows) {
        Limit perHour = new Limit("quota", 1000, Duration.ofHours(1));
        String key = key();

        Probe first = windows.tryConsume(key, perHour);
        Probe second = windows.tryConsume(key, perHour);

        assertThat(first.remaining()).isEqualTo(999);
        assertThat(second.remaining()).isEqualTo(998);
        assertThat(second.millisUntilNext()).isZero();
        assertThat(Duration.ofMillis(second.millisUntilClear()))
                .isBetween(
                        Duration.ofHours(1),
                        Duration.ofHours(1).plus(perHour.period().dividedBy(Limit.SLOTS)));
    }

    private static int mostInAnyWindow(List<Instant> admitted, Duration period) {
        int most = 0;
        int from = 0;
        for (int to = 0; to < admitted.size(); to++) {
            while (!admitted.get(from).isAfter(admitted.get(to).minus(period))) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }

    private static String key() {
        return "test:" + UUID.randomUUID();
    }
}
