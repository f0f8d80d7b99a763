package dev.parley.knowledge.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * all-MiniLM-L6-v2 (quantized), run in process by ONNX Runtime from the model inside its Maven artifact: no network,
 * no key. What is embedded to answer someone (questions, customers' messages, answer sentences, intent examples) is
 * remembered by its text, once for the whole node: the same message is understood, searched for and compared with
 * answer sentences on one inference, and shoppers ask the same things. Indexed chunks are not remembered (the index
 * keeps their vectors).
 *
 * <p>The session is configured for a node whose few cores serve many requests at once: each inference runs on one
 * thread ({@code intraOpThreads}, 1 by default; ONNX Runtime's default is a pool of one spinning thread per core for
 * every inference), and inferences run on the {@link EmbeddingWorkers}' platform threads, one per core, never on every
 * request's virtual thread at once.
 */
public final class MiniLmEmbedder implements Embedder {

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    /** One session per setting of its threads, shared by every embedder of the process (the model is 23 MB). */
    private static final Map<Integer, EmbeddingModel> SESSIONS = new ConcurrentHashMap<>();

    private final EmbeddingModel model;
    private final EmbeddingWorkers workers;
    private final AtomicLong inferences = new AtomicLong();
    private final Cache<String, float[]> remembered =
            Caffeine.newBuilder().maximumSize(50_000).build();

    /** One single-threaded inference per core at once (evaluations, tests and tools outside the application). */
    public MiniLmEmbedder() {
        this(EmbeddingWorkers.forThisMachine(), 1);
    }

    MiniLmEmbedder(EmbeddingWorkers workers, int intraOpThreads) {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("parley.knowledge.embedding-intra-op-threads must be at least 1");
        }
        this.model = SESSIONS.computeIfAbsent(intraOpThreads, MiniLmEmbedder::load);
        this.workers = workers;
    }

    @Override
    public int dimensions() {
        return 384;
    }

    @Override
    public float[] embed(String text) {
        // Not computed inside the cache: a caller waiting for a worker must not hold up others asking for other texts.
        float[] known = remembered.getIfPresent(text);
        if (known != null) {
            return known;
        }
        float[] vector = workers.run(() -> inference(text));
        remembered.put(text, vector);
        return vector;
    }

    /**
     * Each text not remembered is one inference on a worker (the model runs one text at a time); the caller waits for
     * them all, and for each free worker at most the workers' wait.
     */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        Map<String, CompletableFuture<float[]>> inferences = new HashMap<>();
        for (String text : texts) {
            if (remembered.getIfPresent(text) == null && !inferences.containsKey(text)) {
                inferences.put(text, workers.submit(() -> inference(text)));
            }
        }
        inferences.forEach((text, inference) -> remembered.put(text, EmbeddingWorkers.join(inference)));
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            CompletableFuture<float[]> inference = inferences.get(text);
            float[] known = inference != null ? inference.join() : remembered.getIfPresent(text);
            // One forgotten since it was looked at (an erasure, or pushed out by others) is embedded again.
            vectors.add(known != null ? known : embed(text));
        }
        return vectors;
    }

    /** As {@link #embedAll}, waiting for free workers however long it takes, and remembering nothing. */
    @Override
    public List<float[]> embedAllForIndex(List<String> texts) {
        List<CompletableFuture<float[]>> inferences = new ArrayList<>(texts.size());
        for (String text : texts) {
            inferences.add(workers.submitWhenFree(() -> inference(text)));
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (CompletableFuture<float[]> inference : inferences) {
            vectors.add(EmbeddingWorkers.join(inference));
        }
        return vectors;
    }

    /** Forgets every remembered text, so no customer's words outlive their erasure on this node. */
    @Override
    public void forgetRemembered() {
        remembered.invalidateAll();
    }

    /** How many inferences this embedder has run. */
    long inferences() {
        return inferences.get();
    }

    private float[] inference(String text) {
        inferences.incrementAndGet();
        try {
            return Embedder.normalize(model.embed(text).content().vector());
        } catch (IllegalArgumentException nothingToEmbed) {
            // Text of controls, spaces or characters the tokenizer drops means nothing: it is like nothing.
            return new float[dimensions()];
        }
    }

    private static EmbeddingModel load(int intraOpThreads) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                InputStream model = resource(MODEL);
                InputStream tokenizer = resource(TOKENIZER)) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            // Threads that spin while waiting for the next operator burn the cores the requests need.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
            return new InProcess(encoder);
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model did not load", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream stream = MiniLmEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException(name + " is not on the class path");
        }
        return stream;
    }

    /** langchain4j's in-process model over our own session; one text at a time, on the calling thread. */
    private static final class InProcess extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        InProcess(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }
}
