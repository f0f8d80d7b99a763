package dev.parley.assistant.internal.understanding;

import dev.parley.assistant.internal.understanding.SentimentAnalyzer.Label;
import dev.parley.assistant.internal.understanding.SentimentAnalyzer.Sentiment;
import dev.parley.knowledge.TextEmbeddings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The understanding layer's offline evaluations, run without starting the server:
 *
 * <ul>
 *   <li>{@code eval intents --train train.csv --test test.csv [--val val.csv] [--threshold t]}: trains the intent
 *       classifier on the training set ({@code --train builtin}: the built-in examples and threshold, as the server
 *       does), chooses the out-of-scope threshold on the validation set when given, and scores the test set; a
 *       prediction whose label the test set never uses is scored as its family (see {@link BuiltInIntents#family}),
 *       so a set labelled with the original sixteen intents scores the finer ones;
 *   <li>{@code eval sentiment --test test.csv [--train extra.csv,...] [--dev dev.csv]}: trains the sentiment analyzer
 *       on the built-in examples (plus any extra training sets), chooses the neutral band on the development set when
 *       given, and scores the test set three ways, or two ways when it has no neutral label;
 *   <li>{@code eval calibrate --test dev.csv [--folds 5] [--cost 3]}: calibrates the built-in intents' out-of-scope
 *       decision on their own examples, each scored by a model that did not train on it, and shows both sides
 *       (in-scope refused, out-of-scope accepted) for one threshold and for thresholds per family, there and on the
 *       test set (see {@link OutOfScopeCalibration});
 *   <li>{@code eval prepare [--from ../shared/data] [--to data/eval]}: turns the public data sets into such CSVs.
 * </ul>
 *
 * CSVs have a header naming {@code text} and {@code label}. Errors go to stderr; the last stdout line is one JSON
 * object.
 */
public final class UnderstandingEvaluation {

    private UnderstandingEvaluation() {}

    public static int run(String what, List<String> args, PrintStream out, PrintStream err) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            options.put(args.get(i).replaceFirst("^--", ""), args.get(i + 1));
        }
        return switch (what) {
            case "intents" -> intents(options, TextEmbeddings.local(), out, err);
            case "sentiment" -> sentiment(options, TextEmbeddings.local(), out, err);
            case "calibrate" -> OutOfScopeCalibration.run(options, remembering(TextEmbeddings.local()), out, err);
            case "prepare" ->
                EvaluationDataSets.prepare(
                        Path.of(options.getOrDefault("from", "../shared/data")),
                        Path.of(options.getOrDefault("to", "data/eval")),
                        err);
            default -> throw new IllegalArgumentException(what);
        };
    }

    static int intents(Map<String, String> options, TextEmbeddings embeddings, PrintStream out, PrintStream err) {
        if (!options.containsKey("train") || !options.containsKey("test")) {
            err.println("usage: eval intents --train train.csv --test test.csv [--val val.csv] [--threshold t]");
            return 2;
        }
        embeddings = remembering(embeddings);
        boolean builtIn = options.get("train").equals("builtin");
        List<LabelledText> train =
                builtIn ? BuiltInIntents.examples() : LabelledCsv.read(Path.of(options.get("train")));
        List<LabelledText> test = LabelledCsv.read(Path.of(options.get("test")));
        IntentClassifier.Settings settings =
                settings(options, builtIn ? BuiltInIntents.SETTINGS : IntentClassifier.Settings.DEFAULT);

        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        IntentClassifier classifier = IntentClassifier.train(train, embeddings, settings);
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        double trainCpuSeconds = (processCpuNanos() - cpuStarted) / 1e9;
        Thresholded thresholded = thresholded(classifier, options, builtIn, train);
        classifier = thresholded.classifier();
        err.printf(
                Locale.ROOT,
                "trained on %d examples of %d labels in %.1f s; threshold %.2f (%s)%n",
                train.size(),
                classifier.labels().size(),
                trainSeconds,
                classifier.threshold(),
                thresholded.from());

        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        java.util.Set<String> testLabels = new java.util.HashSet<>();
        test.forEach(t -> testLabels.add(t.label()));
        int folded = 0;
        long[] latencies = new long[test.size()];
        // With the built-in intents, also the whole understanding of a message as a turn does it: the intents it
        // asks (clauses included), sentiment (reading the same embedding) and entities.
        TextEmbeddings shared = embeddings;
        SentimentAnalyzer sentiment = builtIn
                ? StoredModels.builtInSentiment(shared).orElseGet(() -> SentimentAnalyzer.standard(shared))
                : null;
        EntityExtractor entities = new EntityExtractor();
        java.time.LocalDate today = java.time.LocalDate.now();
        long[] understanding = new long[builtIn ? test.size() : 0];
        for (int i = 0; i < test.size(); i++) {
            // Read as a turn reads a message: its slips of the keyboard mended first.
            String text = Misspellings.standard().corrected(test.get(i).text());
            long before = System.nanoTime();
            IntentClassifier.Prediction prediction = classifier.predict(text);
            latencies[i] = System.nanoTime() - before;
            if (builtIn) {
                understanding[i] = latencies[i] + understand(classifier, sentiment, entities, today, text);
            }
            String label = prediction.label();
            if (!testLabels.contains(label) && testLabels.contains(BuiltInIntents.family(label))) {
                label = BuiltInIntents.family(label);
                folded++;
            }
            gold.add(test.get(i).label());
            predicted.add(label);
            if (!label.equals(test.get(i).label())) {
                intentError(test.get(i), prediction, err);
            }
        }
        if (folded > 0) {
            err.printf(Locale.ROOT, "%d predictions scored as their family (label not in the test set)%n", folded);
        }
        if (testLabels.contains(IntentClassifier.OUT_OF_SCOPE)) {
            thresholdSweep(classifier, test, err);
        }
        Scores scores = Scores.of(gold, predicted);
        report(scores, err);
        out.println(intentsJson(
                scores,
                gold,
                predicted,
                classifier.threshold(),
                new Timings(trainSeconds, trainCpuSeconds, latencies, builtIn ? understanding : null)));
        return 0;
    }

    /** How long training took (wall and CPU) and each prediction took; {@code understanding} only for built-ins. */
    private record Timings(double trainSeconds, double trainCpuSeconds, long[] latencies, long[] understanding) {}

    /** The last stdout line of {@code eval intents}: the scores, in and out of scope, and the timings. */
    private static String intentsJson(
            Scores scores, List<String> gold, List<String> predicted, double threshold, Timings timings) {
        long[] latencies = timings.latencies();
        Arrays.sort(latencies);
        String oos = IntentClassifier.OUT_OF_SCOPE;
        StringBuilder json = new StringBuilder();
        json.append(String.format(
                Locale.ROOT,
                "{\"n\":%d,\"labels\":%d,\"accuracy\":%.4f,\"macro_f1\":%.4f",
                scores.n(),
                scores.classes().values().stream().filter(c -> c.support() > 0).count(),
                scores.accuracy(),
                scores.macroF1()));
        if (gold.contains(oos)) {
            long inScope = gold.stream().filter(g -> !g.equals(oos)).count();
            long inScopeRight = 0;
            long inScopeRefused = 0;
            for (int i = 0; i < gold.size(); i++) {
                inScopeRight += !gold.get(i).equals(oos) && gold.get(i).equals(predicted.get(i)) ? 1 : 0;
                inScopeRefused += !gold.get(i).equals(oos) && predicted.get(i).equals(oos) ? 1 : 0;
            }
            json.append(String.format(
                    Locale.ROOT,
                    ",\"in_scope_accuracy\":%.4f,\"in_scope_refused\":%.4f,\"oos_recall\":%.4f,\"oos_precision\":%.4f",
                    (double) inScopeRight / inScope,
                    (double) inScopeRefused / inScope,
                    scores.of(oos).recall(),
                    scores.of(oos).precision()));
        }
        json.append(String.format(
                Locale.ROOT,
                ",\"threshold\":%.2f,\"train_seconds\":%.1f,\"train_cpu_seconds\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f}",
                threshold,
                timings.trainSeconds(),
                timings.trainCpuSeconds(),
                percentile(latencies, 50),
                percentile(latencies, 99)));
        long[] understanding = timings.understanding();
        if (understanding != null) {
            Arrays.sort(understanding);
            json.setLength(json.length() - 1);
            json.append(String.format(
                    Locale.ROOT,
                    ",\"understanding_p50_ms\":%.2f,\"understanding_p99_ms\":%.2f}",
                    percentile(understanding, 50),
                    percentile(understanding, 99)));
        }
        return json.toString();
    }

    /** The settings {@code d}, but for those the options give. */
    private static IntentClassifier.Settings settings(Map<String, String> options, IntentClassifier.Settings d) {
        return new IntentClassifier.Settings(
                Integer.parseInt(options.getOrDefault("hash-bits", "" + d.hashBits())),
                Double.parseDouble(options.getOrDefault("embedding-weight", "" + d.embeddingWeight())),
                Double.parseDouble(
                        options.getOrDefault("word-weight", options.getOrDefault("ngram-weight", "" + d.wordWeight()))),
                Double.parseDouble(
                        options.getOrDefault("char-weight", options.getOrDefault("ngram-weight", "" + d.charWeight()))),
                Integer.parseInt(options.getOrDefault("epochs", "" + d.epochs())),
                Double.parseDouble(options.getOrDefault("learning-rate", "" + d.learningRate())),
                Double.parseDouble(options.getOrDefault("l2", "" + d.l2())));
    }

    /** A classifier with its out-of-scope threshold, and where the threshold came from. */
    private record Thresholded(IntentClassifier classifier, String from) {}

    /** The threshold given, else chosen on validation data, else the built-in ones, else none for a closed set. */
    private static Thresholded thresholded(
            IntentClassifier classifier, Map<String, String> options, boolean builtIn, List<LabelledText> train) {
        if (options.containsKey("threshold")) {
            return new Thresholded(classifier.withThreshold(Double.parseDouble(options.get("threshold"))), "given");
        }
        if (options.containsKey("val")) {
            return new Thresholded(
                    classifier.withThreshold(classifier.chooseThreshold(LabelledCsv.read(Path.of(options.get("val"))))),
                    "validation");
        }
        if (builtIn) {
            IntentClassifier tuned = classifier.withThreshold(BuiltInIntents.THRESHOLD);
            if (!options.getOrDefault("family-thresholds", "true").equals("false")) {
                tuned = tuned.withFamilyThresholds(BuiltInIntents.FAMILY_THRESHOLDS);
            }
            return new Thresholded(tuned, tuned.familyThresholds().isEmpty() ? "built-in" : "built-in, per family");
        }
        if (train.stream().noneMatch(e -> e.label().equals(IntentClassifier.OUT_OF_SCOPE))) {
            // A closed set of intents: nothing is out of scope unless a threshold is asked for.
            return new Thresholded(classifier.withThreshold(0), "closed set");
        }
        return new Thresholded(classifier, "default");
    }

    /** The rest of what a turn understands of a message beside its intent; returns the nanoseconds it took. */
    private static long understand(
            IntentClassifier classifier,
            SentimentAnalyzer sentiment,
            EntityExtractor entities,
            java.time.LocalDate today,
            String text) {
        long rest = System.nanoTime();
        MessageIntents.of(classifier, text);
        sentiment.analyze(text);
        entities.extract(text, today);
        return System.nanoTime() - rest;
    }

    private static void intentError(LabelledText example, IntentClassifier.Prediction prediction, PrintStream err) {
        err.printf(
                Locale.ROOT,
                "error: %s | wanted %s | got %s (%.2f)%n",
                example.text().replace('\n', ' '),
                example.label(),
                prediction.label(),
                prediction.confidence());
    }

    /**
     * CPU time of the whole process (all threads: the embedding model runs on several), which unlike wall time does
     * not grow when other work shares the machine.
     */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    /** Embeds each text once: the threshold sweep predicts the same texts many times. */
    static TextEmbeddings remembering(TextEmbeddings embeddings) {
        Map<String, float[]> remembered = new java.util.HashMap<>();
        return new TextEmbeddings() {
            @Override
            public int dimensions() {
                return embeddings.dimensions();
            }

            @Override
            public float[] embed(String text) {
                return remembered.computeIfAbsent(text, embeddings::embed);
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                List<String> missing = texts.stream()
                        .filter(t -> !remembered.containsKey(t))
                        .distinct()
                        .toList();
                List<float[]> vectors = embeddings.embedAll(missing);
                for (int i = 0; i < missing.size(); i++) {
                    remembered.put(missing.get(i), vectors.get(i));
                }
                return texts.stream().map(remembered::get).toList();
            }
        };
    }

    /** Both sides of the out-of-scope decision at other thresholds: in-scope messages refused, out-of-scope found. */
    private static void thresholdSweep(IntentClassifier classifier, List<LabelledText> test, PrintStream err) {
        err.println("threshold | in-scope refused | oos recall (one threshold for every family)");
        for (int step = 0; step <= 9; step++) {
            double threshold = step / 10.0;
            List<IntentClassifier.Prediction> predictions = classifier
                    .withFamilyThresholds(Map.of())
                    .withThreshold(threshold)
                    .predictAll(test.stream().map(LabelledText::text).toList());
            int inScope = 0, refused = 0, outOfScope = 0, found = 0;
            for (int i = 0; i < test.size(); i++) {
                boolean isOut = test.get(i).label().equals(IntentClassifier.OUT_OF_SCOPE);
                boolean saidOut = predictions.get(i).outOfScope();
                inScope += isOut ? 0 : 1;
                refused += !isOut && saidOut ? 1 : 0;
                outOfScope += isOut ? 1 : 0;
                found += isOut && saidOut ? 1 : 0;
            }
            err.printf(
                    Locale.ROOT,
                    "  %.1f | %.3f | %.3f%n",
                    threshold,
                    inScope == 0 ? 0 : (double) refused / inScope,
                    outOfScope == 0 ? 0 : (double) found / outOfScope);
        }
    }

    static int sentiment(Map<String, String> options, TextEmbeddings embeddings, PrintStream out, PrintStream err) {
        if (!options.containsKey("test")) {
            err.println(
                    "usage: eval sentiment --test test.csv [--train extra.csv,...] [--dev dev.csv]"
                            + " [--builtin all|hand-written] [--embeddings true|false] [--cues true|false] [--cue-weight w] [--band b]");
            return 2;
        }
        List<LabelledText> test = LabelledCsv.read(Path.of(options.get("test")));
        List<LabelledText> train = sentimentExamples(options);
        long started = System.nanoTime();
        SentimentAnalyzer analyzer = SentimentAnalyzer.train(
                train,
                embeddings,
                new SentimentAnalyzer.Settings(
                        Boolean.parseBoolean(options.getOrDefault("embeddings", "true")),
                        Boolean.parseBoolean(options.getOrDefault("cues", "true")),
                        Float.parseFloat(options.getOrDefault("cue-weight", "1.0"))));
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        analyzer = banded(analyzer, options);
        boolean threeWay = test.stream().anyMatch(t -> Label.of(t.label()) == Label.NEUTRAL);
        err.printf(
                Locale.ROOT,
                "trained on %d examples in %.1f s; neutral band %.2f; scoring %s%n",
                train.size(),
                trainSeconds,
                analyzer.neutralBand(),
                threeWay ? "three ways" : "two ways (neutral predictions go to the closer pole)");

        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        long[] latencies = new long[test.size()];
        int frustrated = 0;
        int frustratedFound = 0;
        for (int i = 0; i < test.size(); i++) {
            long before = System.nanoTime();
            Sentiment sentiment = analyzer.analyze(
                    Misspellings.standard().corrected(test.get(i).text()));
            latencies[i] = System.nanoTime() - before;
            Label expected = Label.of(test.get(i).label());
            Label got = sentiment.label().threeWay();
            if (!threeWay && got == Label.NEUTRAL) {
                got = sentiment.score() >= 0 ? Label.POSITIVE : Label.NEGATIVE;
            }
            if (expected == Label.FRUSTRATED) {
                frustrated++;
                frustratedFound += sentiment.label() == Label.FRUSTRATED ? 1 : 0;
            }
            gold.add(expected.threeWay().id());
            predicted.add(got.id());
            if (got != expected.threeWay()) {
                sentimentError(test.get(i).text(), expected, sentiment, err);
            }
        }
        Scores scores = Scores.of(gold, predicted);
        report(scores, err);
        Arrays.sort(latencies);
        StringBuilder json = new StringBuilder(String.format(
                Locale.ROOT,
                "{\"n\":%d,\"classes\":%d,\"accuracy\":%.4f,\"macro_f1\":%.4f",
                scores.n(),
                threeWay ? 3 : 2,
                scores.accuracy(),
                scores.macroF1()));
        if (frustrated > 0) {
            json.append(
                    String.format(Locale.ROOT, ",\"frustrated_recall\":%.4f", (double) frustratedFound / frustrated));
        }
        json.append(String.format(
                Locale.ROOT,
                ",\"neutral_band\":%.2f,\"train_seconds\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f}",
                analyzer.neutralBand(),
                trainSeconds,
                percentile(latencies, 50),
                percentile(latencies, 99)));
        out.println(json);
        return 0;
    }

    /** The built-in examples (all, or the hand-written ones only) and any extra training files given. */
    private static List<LabelledText> sentimentExamples(Map<String, String> options) {
        // --builtin hand-written: only the 150 first examples, to compare with the model before the composed ones.
        List<LabelledText> train = new ArrayList<>(
                options.getOrDefault("builtin", "all").equals("hand-written")
                        ? SentimentAnalyzer.handWrittenExamples()
                        : SentimentAnalyzer.builtInExamples());
        if (options.containsKey("train")) {
            for (String file : options.get("train").split(",")) {
                train.addAll(LabelledCsv.read(Path.of(file.strip())));
            }
        }
        return train;
    }

    /** The neutral band given, else chosen on development data, else the analyzer's own. */
    private static SentimentAnalyzer banded(SentimentAnalyzer analyzer, Map<String, String> options) {
        if (options.containsKey("band")) {
            return analyzer.withNeutralBand(Double.parseDouble(options.get("band")));
        }
        if (options.containsKey("dev")) {
            return analyzer.withNeutralBand(analyzer.chooseNeutralBand(LabelledCsv.read(Path.of(options.get("dev")))));
        }
        return analyzer;
    }

    private static void sentimentError(String text, Label expected, Sentiment sentiment, PrintStream err) {
        err.printf(
                Locale.ROOT,
                "error: %s | wanted %s | got %s (%.2f)%s%n",
                text.replace('\n', ' '),
                expected.id(),
                sentiment.label().id(),
                sentiment.score(),
                sentiment.cues().isEmpty() ? "" : " cues " + sentiment.cues());
    }

    /** Every label, worst first, with what it was most often taken for: the per-label rows of the confusion matrix. */
    private static void report(Scores scores, PrintStream err) {
        err.println("label | support | precision | recall | f1 | taken for (worst first)");
        scores.classes().entrySet().stream()
                .filter(e -> e.getValue().support() > 0)
                .sorted(Comparator.comparingDouble(e -> e.getValue().f1()))
                .forEach(e -> err.printf(
                        Locale.ROOT,
                        "  %s | %d | %.3f | %.3f | %.3f | %s%n",
                        e.getKey(),
                        e.getValue().support(),
                        e.getValue().precision(),
                        e.getValue().recall(),
                        e.getValue().f1(),
                        takenFor(scores, e.getKey())));
        err.println("most frequent confusions (gold -> predicted):");
        scores.confusions().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(15)
                .forEach(e -> err.printf("  %3d  %s%n", e.getValue(), e.getKey()));
    }

    private static String takenFor(Scores scores, String label) {
        String prefix = label + " -> ";
        return scores.confusions().entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(4)
                .map(e -> e.getKey().substring(prefix.length()) + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static double percentile(long[] sortedNanos, int p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }
}
