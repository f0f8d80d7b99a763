package dev.parley.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import dev.parley.assistant.IntentModels;
import dev.parley.assistant.IntentModels.Example;
import dev.parley.knowledge.TextEmbeddings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * {@code ./parley bench embeddings}: compares in-process sentence embeddings as the intent classifier's representation on
 * development sets (issue 16, docs/quality.md). Each configuration trains the server's classifier (logistic
 * regression over embedding + hashed n-grams) or a 5-nearest-neighbour vote over the training examples, and scores a
 * development set: the built-in intents on shopper-dev, HWU64 with a fifth of its training split held out (by CRC32
 * of the text), CLINC150 on its validation split. Then the milliseconds of one prediction, embedding included.
 *
 * <p>Configurations: {@code minilm}, {@code bge} (bge-small-en-v1.5), {@code e5} (e5-small-v2, "query: " prefix),
 * two joined by {@code +} (concatenated, each scaled by 1/sqrt 2), {@code ngrams} (no embedding), a model name with
 * {@code -only} (no n-grams), {@code knn-} before a model name. All quantized ONNX models from LangChain4j.
 */
final class EmbeddingComparison {

    private record Task(String name, List<Example> train, List<Example> dev, double threshold) {}

    private EmbeddingComparison() {}

    static void run(Map<String, String> options) {
        Path data = Path.of(options.getOrDefault("data", "data/eval"));
        Path intents = Path.of(options.getOrDefault("intents", "bench/src/main/resources/eval/intents"));
        List<String> sets = List.of(options.getOrDefault("sets", "shopper,hwu").split(","));
        List<String> configs = List.of(options.getOrDefault("configs", "minilm,bge,e5,minilm+bge,ngrams")
                .split(","));
        Map<String, Onnx> models = new LinkedHashMap<>();
        for (String name : List.of("minilm", "bge", "e5")) {
            models.put(name, new Onnx(factory(name), name.equals("e5") ? "query: " : ""));
        }
        List<Task> tasks = new ArrayList<>();
        if (sets.contains("shopper")) {
            tasks.add(new Task(
                    "shopper-dev",
                    IntentModels.builtInExamples(),
                    IntentModels.read(intents.resolve("shopper-dev.csv")),
                    IntentModels.BUILT_IN_THRESHOLD));
        }
        if (sets.contains("hwu")) {
            List<Example> all = IntentModels.read(data.resolve("hwu64-train.csv"));
            tasks.add(new Task(
                    "hwu64-dev",
                    all.stream().filter(t -> !heldOut(t.text())).toList(),
                    all.stream().filter(t -> heldOut(t.text())).toList(),
                    0));
        }
        if (sets.contains("clinc")) {
            tasks.add(new Task(
                    "clinc150-val",
                    IntentModels.read(data.resolve("clinc150-train.csv")),
                    IntentModels.read(data.resolve("clinc150-val.csv")),
                    IntentModels.DEFAULT_THRESHOLD));
        }
        for (Task task : tasks) {
            for (String config : configs) {
                long started = System.nanoTime();
                double accuracy = accuracy(task, config, models);
                System.out.printf(
                        Locale.ROOT,
                        "%s | %s | n=%d | accuracy %.4f | %.0f s%n",
                        task.name(),
                        config,
                        task.dev().size(),
                        accuracy,
                        (System.nanoTime() - started) / 1e9);
            }
        }
        if (sets.contains("latency")) {
            latency(intents, configs, models);
        }
    }

    private static double accuracy(Task task, String config, Map<String, Onnx> models) {
        boolean knn = config.startsWith("knn-");
        String name = knn ? config.substring(4) : config;
        boolean embeddingOnly = name.endsWith("-only");
        TextEmbeddings embeddings = embeddings(name.replace("-only", ""), models);
        List<String> texts = task.dev().stream().map(Example::text).toList();
        List<String> predicted;
        if (knn) {
            predicted = nearestNeighbours(task.train(), texts, embeddings);
        } else {
            predicted = IntentModels.train(task.train(), embeddings, !embeddingOnly, task.threshold())
                    .predictAll(texts);
        }
        int right = 0;
        for (int i = 0; i < texts.size(); i++) {
            right += predicted.get(i).equals(task.dev().get(i).label()) ? 1 : 0;
        }
        return (double) right / texts.size();
    }

    /** Weighted vote of the five most similar training examples (weight e^(10 cos)). */
    private static List<String> nearestNeighbours(List<Example> train, List<String> texts, TextEmbeddings embeddings) {
        List<float[]> examples =
                embeddings.embedAll(train.stream().map(Example::text).toList());
        List<String> predicted = new ArrayList<>();
        for (float[] query : embeddings.embedAll(texts)) {
            double[] best = new double[5];
            int[] index = new int[5];
            Arrays.fill(best, -9);
            Arrays.fill(index, -1);
            for (int i = 0; i < examples.size(); i++) {
                double dot = 0;
                float[] v = examples.get(i);
                for (int j = 0; j < v.length; j++) {
                    dot += v[j] * query[j];
                }
                if (dot > best[4]) {
                    int k = 4;
                    while (k > 0 && best[k - 1] < dot) {
                        best[k] = best[k - 1];
                        index[k] = index[k - 1];
                        k--;
                    }
                    best[k] = dot;
                    index[k] = i;
                }
            }
            Map<String, Double> votes = new HashMap<>();
            for (int k = 0; k < 5; k++) {
                if (index[k] >= 0) {
                    votes.merge(train.get(index[k]).label(), Math.exp(best[k] * 10), Double::sum);
                }
            }
            predicted.add(votes.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey());
        }
        return predicted;
    }

    /** One prediction at a time on shopper-dev, each embedding computed afresh (after training with a cache). */
    private static void latency(Path intents, List<String> configs, Map<String, Onnx> models) {
        List<String> texts = IntentModels.read(intents.resolve("shopper-dev.csv")).stream()
                .map(Example::text)
                .toList();
        for (String config : configs) {
            if (config.startsWith("knn-") || config.endsWith("-only")) {
                continue;
            }
            TextEmbeddings embeddings = embeddings(config, models);
            IntentModels.Model classifier = IntentModels.train(
                    IntentModels.builtInExamples(), embeddings, true, IntentModels.BUILT_IN_THRESHOLD);
            models.values().forEach(m -> m.remembering = false);
            for (int i = 0; i < 20; i++) {
                classifier.predict(texts.get(i));
            }
            long[] nanos = new long[texts.size()];
            for (int i = 0; i < texts.size(); i++) {
                long before = System.nanoTime();
                classifier.predict(texts.get(i));
                nanos[i] = System.nanoTime() - before;
            }
            models.values().forEach(m -> m.remembering = true);
            Arrays.sort(nanos);
            System.out.printf(
                    Locale.ROOT,
                    "latency | %s | p50 %.2f ms | p99 %.2f ms%n",
                    config,
                    nanos[nanos.length / 2] / 1e6,
                    nanos[(int) (nanos.length * 0.99)] / 1e6);
        }
    }

    private static TextEmbeddings embeddings(String name, Map<String, Onnx> models) {
        if (name.equals("ngrams")) {
            return NONE;
        }
        if (name.contains("+")) {
            String[] parts = name.split("\\+");
            return new Joined(models.get(parts[0]), models.get(parts[1]));
        }
        return models.get(name);
    }

    private static boolean heldOut(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 5 == 0;
    }

    private static Supplier<EmbeddingModel> factory(String name) {
        return switch (name) {
            case "minilm" -> AllMiniLmL6V2QuantizedEmbeddingModel::new;
            case "bge" -> BgeSmallEnV15QuantizedEmbeddingModel::new;
            default -> E5SmallV2QuantizedEmbeddingModel::new;
        };
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[v.length];
        for (int i = 0; i < v.length && norm > 0; i++) {
            unit[i] = (float) (v[i] / norm);
        }
        return unit;
    }

    /** No embedding: the n-grams alone. */
    private static final TextEmbeddings NONE = new TextEmbeddings() {
        @Override
        public int dimensions() {
            return 0;
        }

        @Override
        public float[] embed(String text) {
            return new float[0];
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(this::embed).toList();
        }
    };

    /** An ONNX model from LangChain4j, unit-length vectors, remembered by text while {@code remembering}. */
    private static final class Onnx implements TextEmbeddings {

        private final Supplier<EmbeddingModel> factory;
        private final String prefix;
        private final Map<String, float[]> remembered = new HashMap<>();
        private EmbeddingModel model;
        boolean remembering = true;

        Onnx(Supplier<EmbeddingModel> factory, String prefix) {
            this.factory = factory;
            this.prefix = prefix;
        }

        private EmbeddingModel model() {
            if (model == null) {
                model = factory.get();
            }
            return model;
        }

        @Override
        public int dimensions() {
            return 384;
        }

        private float[] fresh(String text) {
            try {
                return unit(model().embed(prefix + text).content().vector());
            } catch (IllegalArgumentException nothingToEmbed) {
                return new float[384];
            }
        }

        @Override
        public float[] embed(String text) {
            return remembering ? remembered.computeIfAbsent(text, this::fresh) : fresh(text);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            List<String> missing = texts.stream()
                    .filter(t -> !remembered.containsKey(t))
                    .distinct()
                    .toList();
            for (int from = 0; from < missing.size(); from += 32) {
                List<String> batch = missing.subList(from, Math.min(missing.size(), from + 32));
                try {
                    var vectors = model().embedAll(batch.stream()
                                    .map(t -> TextSegment.from(prefix + t))
                                    .toList())
                            .content();
                    for (int i = 0; i < batch.size(); i++) {
                        remembered.put(batch.get(i), unit(vectors.get(i).vector()));
                    }
                } catch (IllegalArgumentException nothingToEmbed) {
                    batch.forEach(t -> remembered.put(t, fresh(t)));
                }
            }
            return texts.stream().map(remembered::get).toList();
        }
    }

    /** Two embeddings side by side, each scaled by 1/sqrt 2 so the whole stays unit length. */
    private record Joined(TextEmbeddings first, TextEmbeddings second) implements TextEmbeddings {

        @Override
        public int dimensions() {
            return first.dimensions() + second.dimensions();
        }

        @Override
        public float[] embed(String text) {
            return join(first.embed(text), second.embed(text));
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            List<float[]> a = first.embedAll(texts);
            List<float[]> b = second.embedAll(texts);
            List<float[]> joined = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                joined.add(join(a.get(i), b.get(i)));
            }
            return joined;
        }

        private static float[] join(float[] a, float[] b) {
            float scale = (float) Math.sqrt(0.5);
            float[] joined = new float[a.length + b.length];
            for (int i = 0; i < a.length; i++) {
                joined[i] = a[i] * scale;
            }
            for (int i = 0; i < b.length; i++) {
                joined[a.length + i] = b[i] * scale;
            }
            return joined;
        }
    }
}
