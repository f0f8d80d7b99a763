package dev.parley.assistant.internal.understanding;

import dev.parley.knowledge.TextEmbeddings;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tells which intent a message expresses, or that it is out of scope. Learnt from labelled examples (a pure function
 * of them, so retraining after a workspace adds examples gives the same model for the same examples): a multinomial
 * logistic regression over the message's MiniLM embedding and its hashed word uni- and bigrams (character n-grams
 * too when {@link Settings#charWeight} is not 0; by default they are left out, which measured better). Examples
 * labelled {@value #OUT_OF_SCOPE} teach what is out of scope; besides, a message whose best intent scores under the
 * threshold is out of scope. The best intent's score is that of its family ({@link BuiltInIntents#family}): a message
 * torn between two intents of one family (refund status or refund request) is clearly in scope, and is not refused.
 */
public final class IntentClassifier {

    /** The label of a message that matches no intent. */
    public static final String OUT_OF_SCOPE = "oos";

    /** Chosen on CLINC150's validation split (see docs/quality.md); a workspace may choose its own. */
    public static final double DEFAULT_THRESHOLD = 0.68;

    /**
     * Training settings; {@link #DEFAULT} was chosen on CLINC150's validation split, a held-out fifth of HWU64's
     * training split and, for the built-in intents, shopper-dev (docs/quality.md).
     *
     * @param wordWeight length of the word uni- and bigram group of the features (the embedding's is
     *     {@code embeddingWeight})
     * @param charWeight length of the character 3-5-gram group
     */
    public record Settings(
            int hashBits,
            double embeddingWeight,
            double wordWeight,
            double charWeight,
            int epochs,
            double learningRate,
            double l2) {

        public static final Settings DEFAULT = new Settings(17, 1.0, 0.8, 0.0, 15, 0.5, 1e-5);

        TextFeatures.Settings features() {
            return new TextFeatures.Settings(hashBits, (float) embeddingWeight, (float) wordWeight, (float) charWeight);
        }

        SoftmaxRegression.Settings regression() {
            return new SoftmaxRegression.Settings(epochs, learningRate, l2, 20_261_123L);
        }
    }

    /** An intent and how likely the classifier finds it, in [0, 1]. */
    public record Alternative(String label, double confidence) {}

    /**
     * @param label the intent, or {@value #OUT_OF_SCOPE}
     * @param confidence how sure the classifier is of {@code label}, in [0, 1]
     * @param alternatives the most likely intents, best first (in scope even when {@code label} is not)
     */
    public record Prediction(String label, double confidence, List<Alternative> alternatives) {

        public boolean outOfScope() {
            return label.equals(OUT_OF_SCOPE);
        }
    }

    private final TextFeatures features;
    private final SoftmaxRegression model;
    private final List<String> labels;
    private final double threshold;
    /** Thresholds of their own for some families' best intents; the others use {@link #threshold}. */
    private final Map<String, Double> familyThresholds;

    private IntentClassifier(
            TextFeatures features,
            SoftmaxRegression model,
            List<String> labels,
            double threshold,
            Map<String, Double> familyThresholds) {
        this.features = features;
        this.model = model;
        this.labels = labels;
        this.threshold = threshold;
        this.familyThresholds = Map.copyOf(familyThresholds);
    }

    /**
     * What the out-of-scope decision reads of a message.
     *
     * @param best the likeliest in-scope intent
     * @param family the summed probability of the intents of {@code best}'s family
     * @param outOfScope the probability of the out-of-scope class (0 when there is none)
     */
    public record Evidence(String best, double family, double outOfScope) {}

    public static IntentClassifier train(List<LabelledText> examples, TextEmbeddings embeddings) {
        return train(examples, embeddings, Settings.DEFAULT);
    }

    public static IntentClassifier train(List<LabelledText> examples, TextEmbeddings embeddings, Settings settings) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no examples to learn from");
        }
        List<String> labels = new ArrayList<>(
                new TreeMap<>(examples.stream().collect(java.util.stream.Collectors.groupingBy(LabelledText::label)))
                        .keySet());
        Map<String, Integer> classOf = new TreeMap<>();
        for (int i = 0; i < labels.size(); i++) {
            classOf.put(labels.get(i), i);
        }
        List<String> texts = examples.stream().map(LabelledText::text).toList();
        TextFeatures features = TextFeatures.fit(embeddings, settings.features(), texts);
        List<SparseVector> vectors = features.featuresOfAll(texts);
        int[] classes = examples.stream().mapToInt(e -> classOf.get(e.label())).toArray();
        double[] weights = new double[examples.size()];
        java.util.Arrays.fill(weights, 1.0);
        SoftmaxRegression model = SoftmaxRegression.train(
                vectors, classes, weights, labels.size(), features.dimensions(), settings.regression());
        return new IntentClassifier(features, model, List.copyOf(labels), DEFAULT_THRESHOLD, Map.of());
    }

    /** Writes the trained model (not its threshold), for {@link #read} to give the same predictions. */
    void write(DataOutputStream out) throws IOException {
        features.write(out);
        model.write(out);
        out.writeInt(labels.size());
        for (String label : labels) {
            out.writeUTF(label);
        }
    }

    static IntentClassifier read(DataInputStream in, TextEmbeddings embeddings) throws IOException {
        TextFeatures features = TextFeatures.read(in, embeddings);
        SoftmaxRegression model = SoftmaxRegression.read(in);
        List<String> labels = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            labels.add(in.readUTF());
        }
        return new IntentClassifier(features, model, List.copyOf(labels), DEFAULT_THRESHOLD, Map.of());
    }

    /** The same model, calling out of scope what scores under {@code threshold}. */
    public IntentClassifier withThreshold(double threshold) {
        return new IntentClassifier(features, model, labels, threshold, familyThresholds);
    }

    /** The same model, with thresholds of their own for the given families (by {@link BuiltInIntents#family}). */
    public IntentClassifier withFamilyThresholds(Map<String, Double> thresholds) {
        return new IntentClassifier(features, model, labels, threshold, thresholds);
    }

    public Map<String, Double> familyThresholds() {
        return familyThresholds;
    }

    /** What the out-of-scope decision would read of each text, to calibrate it offline. */
    public List<Evidence> evidenceAll(List<String> texts) {
        return features.featuresOfAll(texts).stream()
                .map(x -> {
                    double[] p = model.probabilities(x);
                    Prediction prediction = decide(p, 0, Map.of());
                    String best = prediction.alternatives().isEmpty()
                            ? OUT_OF_SCOPE
                            : prediction.alternatives().getFirst().label();
                    int oos = labels.indexOf(OUT_OF_SCOPE);
                    return new Evidence(best, familyProbability(p, best), oos < 0 ? 0 : p[oos]);
                })
                .toList();
    }

    private double familyProbability(double[] probabilities, String label) {
        String family = BuiltInIntents.family(label);
        double sum = 0;
        for (int k = 0; k < probabilities.length; k++) {
            if (!labels.get(k).equals(OUT_OF_SCOPE)
                    && BuiltInIntents.family(labels.get(k)).equals(family)) {
                sum += probabilities[k];
            }
        }
        return sum;
    }

    public double threshold() {
        return threshold;
    }

    public List<String> labels() {
        return labels;
    }

    public Prediction predict(String text) {
        return decide(model.probabilities(features.features(text)), threshold, familyThresholds);
    }

    /** Predicts many at once, embedding them in batches. */
    public List<Prediction> predictAll(List<String> texts) {
        return features.featuresOfAll(texts).stream()
                .map(x -> decide(model.probabilities(x), threshold, familyThresholds))
                .toList();
    }

    /**
     * The threshold that does best on labelled validation data: when it has out-of-scope examples, the one that
     * maximizes the mean of in-scope accuracy and out-of-scope recall (so the choice does not depend on how many
     * out-of-scope examples there are); otherwise, the one that maximizes accuracy.
     */
    public double chooseThreshold(List<LabelledText> validation) {
        List<double[]> probabilities =
                features
                        .featuresOfAll(
                                validation.stream().map(LabelledText::text).toList())
                        .stream()
                        .map(model::probabilities)
                        .toList();
        boolean hasOutOfScope = validation.stream().anyMatch(v -> v.label().equals(OUT_OF_SCOPE));
        double best = 0;
        double bestScore = -1;
        for (int step = 0; step <= 95; step++) {
            double candidate = step / 100.0;
            int inScope = 0, inScopeRight = 0, outOfScope = 0, outOfScopeFound = 0;
            for (int i = 0; i < validation.size(); i++) {
                String predicted =
                        decide(probabilities.get(i), candidate, Map.of()).label();
                boolean refused = predicted.equals(OUT_OF_SCOPE);
                if (validation.get(i).label().equals(OUT_OF_SCOPE)) {
                    outOfScope++;
                    outOfScopeFound += refused ? 1 : 0;
                } else {
                    inScope++;
                    inScopeRight += predicted.equals(validation.get(i).label()) ? 1 : 0;
                }
            }
            double inScopeAccuracy = inScope == 0 ? 0 : (double) inScopeRight / inScope;
            double score = hasOutOfScope
                    ? (inScopeAccuracy + (double) outOfScopeFound / outOfScope) / 2
                    : (double) (inScopeRight + outOfScopeFound) / validation.size();
            if (score > bestScore + 1e-12) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    private Prediction decide(double[] probabilities, double threshold, Map<String, Double> familyThresholds) {
        List<Alternative> ranked = new ArrayList<>();
        double outOfScope = 0;
        for (int k = 0; k < probabilities.length; k++) {
            if (labels.get(k).equals(OUT_OF_SCOPE)) {
                outOfScope = probabilities[k];
            } else {
                ranked.add(new Alternative(labels.get(k), probabilities[k]));
            }
        }
        ranked.sort(Comparator.comparingDouble(Alternative::confidence).reversed());
        List<Alternative> alternatives = List.copyOf(ranked.subList(0, Math.min(3, ranked.size())));
        Alternative best = alternatives.isEmpty() ? new Alternative(OUT_OF_SCOPE, 0) : alternatives.getFirst();
        String family = BuiltInIntents.family(best.label());
        double inFamily = ranked.stream()
                .filter(a -> BuiltInIntents.family(a.label()).equals(family))
                .mapToDouble(Alternative::confidence)
                .sum();
        if (outOfScope > inFamily) {
            return new Prediction(OUT_OF_SCOPE, outOfScope, alternatives);
        }
        if (inFamily < familyThresholds.getOrDefault(family, threshold)) {
            return new Prediction(OUT_OF_SCOPE, 1 - inFamily, alternatives);
        }
        return new Prediction(best.label(), best.confidence(), alternatives);
    }
}
