package dev.parley.assistant.internal.understanding;

import dev.parley.knowledge.TextEmbeddings;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The built-in intent and sentiment models, trained when the server is built (the build runs {@link #main}) and
 * shipped in the jar, so that starting the server does not spend some twenty CPU-seconds training them and the first
 * turn does not wait for it.
 *
 * <p>A stored model names what it was learnt from: a hash of its examples, its settings and the classes that train it
 * and read its features, and the embedding of a probe sentence. One stored for anything else (examples edited since
 * the build, another embedding model) is not used: the server trains instead, as it did before.
 */
public final class StoredModels {

    static final String INTENTS = "assistant/models/builtin-intents.bin";
    static final String SENTIMENT = "assistant/models/sentiment.bin";

    private static final String FORMAT = "parley-model-2";
    private static final String PROBE =
            "Hi, where is order 1001? The blue jacket I bought arrived torn, I want a refund.";
    /** Quantized ONNX models give slightly different floats on different processors: alike, not equal. */
    private static final double SAME_EMBEDDING = 0.999;
    /** What decides the trained weights besides the examples and settings: a change to any of them retrains. */
    private static final List<Class<?>> TRAINING_CODE = List.of(
            TextFeatures.class,
            SoftmaxRegression.class,
            IntentClassifier.class,
            SentimentAnalyzer.class,
            SentimentCues.class,
            PostedText.class);

    /** Writes a model's body. */
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads a model's body. */
    interface Reader<T> {
        T read(DataInputStream in, TextEmbeddings embeddings) throws IOException;
    }

    private StoredModels() {}

    /** The built-in intents as shipped (threshold not applied), if they were built from the examples in the jar. */
    public static Optional<IntentClassifier> builtInIntents(TextEmbeddings embeddings) {
        return fromResource(INTENTS, intentsKey(), embeddings, IntentClassifier::read);
    }

    /** The sentiment analyzer as shipped, if it was built from the examples in the jar. */
    public static Optional<SentimentAnalyzer> builtInSentiment(TextEmbeddings embeddings) {
        return fromResource(SENTIMENT, sentimentKey(), embeddings, SentimentAnalyzer::read);
    }

    static String intentsKey() {
        return key("intents", BuiltInIntents.SETTINGS, BuiltInIntents.examples());
    }

    static String sentimentKey() {
        return key(
                "sentiment",
                List.of(
                        SentimentAnalyzer.Settings.DEFAULT,
                        TextFeatures.Settings.SENTIMENT,
                        SoftmaxRegression.Settings.DEFAULT),
                SentimentAnalyzer.builtInExamples());
    }

    /** A hash of everything the trained weights depend on but the embedding model (checked by its probe). */
    static String key(String kind, Object settings, List<LabelledText> examples) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((FORMAT + "\n" + kind + "\n" + settings + "\n").getBytes(StandardCharsets.UTF_8));
            for (LabelledText example : examples) {
                digest.update((example.label() + "\t" + example.text() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Class<?> code : TRAINING_CODE) {
                try (InputStream in = code.getResourceAsStream(code.getSimpleName() + ".class")) {
                    if (in != null) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("Cannot hash the model's inputs", e);
        }
    }

    static byte[] write(String key, TextEmbeddings embeddings, Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeUTF(FORMAT);
            out.writeUTF(key);
            float[] probe = embeddings.embed(PROBE);
            out.writeInt(probe.length);
            for (float value : probe) {
                out.writeFloat(value);
            }
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The model stored in {@code in}, if it was stored for {@code key} and these embeddings; empty otherwise. */
    static <T> Optional<T> read(InputStream in, String key, TextEmbeddings embeddings, Reader<T> reader) {
        try (DataInputStream data = new DataInputStream(new InflaterInputStream(in))) {
            if (!data.readUTF().equals(FORMAT) || !data.readUTF().equals(key)) {
                return Optional.empty();
            }
            float[] probe = new float[data.readInt()];
            for (int i = 0; i < probe.length; i++) {
                probe[i] = data.readFloat();
            }
            if (!alike(probe, embeddings.embed(PROBE))) {
                return Optional.empty();
            }
            return Optional.of(reader.read(data, embeddings));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static boolean alike(float[] stored, float[] now) {
        if (stored.length != now.length) {
            return false;
        }
        double dot = 0, a = 0, b = 0;
        for (int i = 0; i < now.length; i++) {
            dot += stored[i] * now[i];
            a += stored[i] * stored[i];
            b += now[i] * now[i];
        }
        return a > 0 && b > 0 && dot / Math.sqrt(a * b) >= SAME_EMBEDDING;
    }

    private static <T> Optional<T> fromResource(
            String resource, String key, TextEmbeddings embeddings, Reader<T> reader) {
        InputStream in = StoredModels.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            return Optional.empty();
        }
        return read(in, key, embeddings, reader);
    }

    /**
     * Trains the built-in models and writes them under the given directory (the build's classes), leaving alone a
     * file already stored for the same inputs.
     */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        TextEmbeddings embeddings = null;
        for (String resource : List.of(INTENTS, SENTIMENT)) {
            Path file = classes.resolve(resource);
            String key = resource.equals(INTENTS) ? intentsKey() : sentimentKey();
            if (Files.exists(file) && storedKey(file).equals(key)) {
                System.out.println("parley: " + resource + " is up to date");
                continue;
            }
            embeddings = embeddings != null ? embeddings : TextEmbeddings.local();
            long started = System.nanoTime();
            TextEmbeddings using = embeddings;
            byte[] bytes = resource.equals(INTENTS)
                    ? write(
                            key,
                            using,
                            IntentClassifier.train(BuiltInIntents.examples(), using, BuiltInIntents.SETTINGS)::write)
                    : write(key, using, SentimentAnalyzer.standard(using)::write);
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(bytes);
            }
            System.out.printf(
                    "parley: trained %s (%d KB) in %d s%n",
                    resource, bytes.length / 1024, (System.nanoTime() - started) / 1_000_000_000);
        }
        System.exit(0);
    }

    private static String storedKey(Path file) {
        try (DataInputStream data = new DataInputStream(new InflaterInputStream(Files.newInputStream(file)))) {
            return data.readUTF().equals(FORMAT) ? data.readUTF() : "";
        } catch (IOException unreadable) {
            return "";
        }
    }
}
