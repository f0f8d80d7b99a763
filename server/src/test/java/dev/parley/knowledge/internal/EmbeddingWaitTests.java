package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A turn that would wait for the embedding model longer than {@code parley.knowledge.embedding-wait} while every
 * embedding thread is busy is refused with 503 and {@code Retry-After}, stores nothing, and is answered once a thread
 * frees. The threads are held by inferences the test blocks, as a burst of other turns would hold them.
 */
@ApiTest
@Tag("database")
class EmbeddingWaitTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    EmbeddingWorkers workers;

    @Test
    void refusesATurnWithRetryAfterWhileEveryEmbeddingThreadIsBusyAndStoresNothing() throws Exception {
        // given
        Api api = Api.at(port).withKey(fixtures.workspace().liveKey());
        assertThat(api.post("/v1/chat", Map.of("message", "Hello")).status()).isEqualTo(200);
        long before = conversations(api);
        String neverSeen = "Do you have the walking boots in size " + UUID.randomUUID() + "?";
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> busy = holdEveryThread(release);

        // when
        Api.Response refused;
        try {
            refused = api.post("/v1/chat", Map.of("message", neverSeen));
        } finally {
            release.countDown();
        }
        busy.forEach(CompletableFuture::join);
        Api.Response answered = api.post("/v1/chat", Map.of("message", neverSeen));

        // then
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.errorCode()).isEqualTo("service_unavailable");
        assertThat(refused.json().at("/error/details/retry_after").asLong()).isEqualTo(1);
        assertThat(refused.header("Retry-After")).contains("1");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(conversations(api)).isEqualTo(before + 1);
    }

    /** Starts one blocked inference per embedding thread and returns once they all run. */
    private List<CompletableFuture<Boolean>> holdEveryThread(CountDownLatch release) throws InterruptedException {
        int threads = workers.threads();
        CountDownLatch running = new CountDownLatch(threads);
        List<CompletableFuture<Boolean>> held = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            held.add(workers.submitWhenFree(() -> {
                running.countDown();
                // ends by itself after a minute, so a failing test cannot hold the threads for good
                return release.await(1, TimeUnit.MINUTES);
            }));
        }
        running.await();
        return held;
    }

    private static long conversations(Api api) {
        return api.get("/v1/conversations").json().at("/pagination/total_count").asLong();
    }
}
