package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.platform.ApiException;
import dev.parley.platform.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Inferences run on a bounded pool of platform threads, and an answer waits for one only so long. */
class EmbeddingWorkersTests {

    EmbeddingWorkers workers;

    @AfterEach
    void close() {
        workers.close();
    }

    @Test
    void runsAnInferenceOnAPlatformWorkerNotOnTheCallersVirtualThread() throws Exception {
        // given
        workers = new EmbeddingWorkers(2, Duration.ofSeconds(30));
        CompletableFuture<Thread> ranOn = new CompletableFuture<>();

        // when
        Thread caller = Thread.ofVirtual().start(() -> ranOn.complete(workers.run(Thread::currentThread)));
        caller.join();

        // then
        Thread worker = ranOn.join();
        assertThat(worker.isVirtual()).isFalse();
        assertThat(worker.getName()).startsWith("embedding-");
    }

    @Test
    void runsNoMoreInferencesAtOnceThanItHasThreads() throws InterruptedException {
        // given
        workers = new EmbeddingWorkers(2, Duration.ofSeconds(30));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch twoStarted = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<Integer>> inferences = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            inferences.add(new CompletableFuture<>());
        }

        // when: six callers at once, the inferences blocking until released, so a third running at once would be seen
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            callers.add(Thread.ofVirtual()
                    .start(() -> inferences.get(n).complete(EmbeddingWorkers.join(workers.submit(() -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        twoStarted.countDown();
                        release.await();
                        running.decrementAndGet();
                        return n;
                    })))));
        }
        await(twoStarted);
        release.countDown();
        for (Thread caller : callers) {
            caller.join();
        }

        // then
        assertThat(inferences.stream().map(CompletableFuture::join)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(most).hasValue(2);
    }

    @Test
    void refusesAnAnswerWith503WhenNoWorkerFreesInTime() {
        // given: the only worker is busy until released
        workers = new EmbeddingWorkers(1, Duration.ofMillis(50));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> busy = workers.submit(() -> {
            started.countDown();
            release.await();
            return "bulk";
        });
        await(started);

        // when
        ApiException refused = catchThrowableOfType(ApiException.class, () -> workers.run(() -> "answer"));
        release.countDown();

        // then
        assertThat(refused.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(refused.retryAfter()).hasValue(1);
        assertThat(EmbeddingWorkers.join(busy)).isEqualTo("bulk");
        assertThat(workers.run(() -> "answer")).isEqualTo("answer");
    }

    @Test
    void aFailedInferenceFreesItsWorkerAndFailsItsCallerAsItFailed() {
        // given
        workers = new EmbeddingWorkers(1, Duration.ofSeconds(30));

        // when
        IllegalArgumentException failed = catchThrowableOfType(
                IllegalArgumentException.class,
                () -> workers.run(() -> {
                    throw new IllegalArgumentException("nothing to embed");
                }));

        // then
        assertThat(failed).hasMessage("nothing to embed");
        assertThat(workers.run(() -> "next")).isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
