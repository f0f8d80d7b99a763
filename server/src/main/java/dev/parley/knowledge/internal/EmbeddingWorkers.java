package dev.parley.knowledge.internal;

import dev.parley.platform.ApiException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform threads the embedding model's inferences run on. An inference is a native call of several
 * milliseconds: on a request's virtual thread it would hold one of the node's few carriers for all that time, and with
 * every request embedding at once, ONNX Runtime's work and the carriers would fight over the same cores. Here at most
 * {@code threads} inferences run at once (one per core by default), in the order they were asked for, while the
 * callers' virtual threads wait without holding a carrier.
 *
 * <p>A caller that answers someone ({@link #run}, {@link #submit}) waits for a free thread at most {@code wait}, then
 * is refused with 503 and {@code Retry-After}: a turn never queues unbounded behind the model. Bulk work (indexing)
 * waits its turn however long it takes ({@link #submitWhenFree}).
 */
final class EmbeddingWorkers implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ThreadPoolExecutor pool;
    private final Semaphore free;
    private final Duration wait;

    EmbeddingWorkers(int threads, Duration wait) {
        if (threads < 1) {
            throw new IllegalArgumentException("parley.knowledge.embedding-threads must be at least 1");
        }
        int number = POOLS.incrementAndGet();
        AtomicInteger names = new AtomicInteger();
        this.pool =
                new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "embedding-" + number + "-" + names.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.pool.allowCoreThreadTimeOut(true);
        // Fair: callers get a thread in the order they asked, so a turn waits behind at most what came before it.
        this.free = new Semaphore(threads, true);
        this.wait = wait;
    }

    /** As many threads as this machine has cores, and a wait of two seconds for one. */
    static EmbeddingWorkers forThisMachine() {
        return new EmbeddingWorkers(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(2));
    }

    /** How many inferences run at once. */
    int threads() {
        return pool.getMaximumPoolSize();
    }

    /**
     * Runs an inference on a worker and returns its result, waiting at most {@code wait} for a free worker.
     *
     * @throws ApiException 503 with {@code Retry-After} when no worker freed in time
     */
    <T> T run(Callable<T> inference) {
        return join(submit(inference));
    }

    /**
     * Starts an inference once a worker is free, waiting at most {@code wait} for one: for a caller who answers
     * someone.
     *
     * @throws ApiException 503 with {@code Retry-After} when no worker freed in time
     */
    <T> CompletableFuture<T> submit(Callable<T> inference) {
        boolean entered;
        try {
            entered = free.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entered = false;
        }
        if (!entered) {
            throw ApiException.busy();
        }
        return start(inference);
    }

    /** Starts an inference once a worker is free, however long that takes: for bulk work (indexing), which waits. */
    <T> CompletableFuture<T> submitWhenFree(Callable<T> inference) {
        try {
            free.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to embed", e);
        }
        return start(inference);
    }

    /** Runs on a worker; the place taken by the caller is given back when the inference ends. */
    private <T> CompletableFuture<T> start(Callable<T> inference) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                try {
                    result.complete(inference.call());
                } catch (Throwable failure) {
                    result.completeExceptionally(failure);
                } finally {
                    free.release();
                }
            });
        } catch (RejectedExecutionException closed) {
            free.release();
            throw new IllegalStateException("the embedding workers are closed", closed);
        }
        return result;
    }

    /** The result of an inference, its failure thrown as it was. */
    static <T> T join(CompletableFuture<T> inference) {
        try {
            return inference.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
