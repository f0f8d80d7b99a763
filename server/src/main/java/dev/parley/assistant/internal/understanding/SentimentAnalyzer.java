package dev.parley.assistant.internal.understanding;

import dev.parley.knowledge.TextEmbeddings;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How a customer feels: positive, neutral, negative or frustrated, with a score in [-1, 1]. A logistic model over the
 * message's embedding and n-grams gives the polarity (probability of positive minus probability of negative); scores
 * inside the neutral band are neutral; a negative message, or a neutral one with several cues, that shows frustration
 * cues (repeated punctuation, capitals, "still", "again", "third time", threats to leave...) is frustrated.
 */
public final class SentimentAnalyzer {

    public enum Label {
        POSITIVE,
        NEUTRAL,
        NEGATIVE,
        FRUSTRATED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Label of(String id) {
            return valueOf(id.strip().toUpperCase(Locale.ROOT));
        }

        /** Negative and frustrated are one class where only three are told apart. */
        public Label threeWay() {
            return this == FRUSTRATED ? NEGATIVE : this;
        }
    }

    /**
     * @param score from -1 (most negative) to 1 (most positive)
     * @param cues the frustration cues found, whatever the label
     */
    public record Sentiment(Label label, double score, List<String> cues) {}

    /** Chosen on the customer-message development set (see docs/quality.md). */
    public static final double DEFAULT_NEUTRAL_BAND = 0.33;

    private static final String BUILT_IN_EXAMPLES = "/assistant/sentiment-examples.csv";

    private final TextFeatures features;
    private final SoftmaxRegression model;
    private final int positive;
    private final int negative;
    private final double neutralBand;

    private SentimentAnalyzer(
            TextFeatures features, SoftmaxRegression model, int positive, int negative, double neutralBand) {
        this.features = features;
        this.model = model;
        this.positive = positive;
        this.negative = negative;
        this.neutralBand = neutralBand;
    }

    /** Trained on Parley's built-in customer-support examples. */
    public static SentimentAnalyzer standard(TextEmbeddings embeddings) {
        return train(builtInExamples(), embeddings);
    }

    /** Hand-written customer-support messages labelled positive, neutral, negative or frustrated (CC0). */
    public static List<LabelledText> builtInExamples() {
        try (Reader reader = new InputStreamReader(
                SentimentAnalyzer.class.getResourceAsStream(BUILT_IN_EXAMPLES), StandardCharsets.UTF_8)) {
            return LabelledCsv.read(reader);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Learns from examples labelled positive, neutral, negative or frustrated (frustrated counts as negative; the
     * cues tell it apart). Classes are weighted so each counts as much as the others.
     */
    public static SentimentAnalyzer train(List<LabelledText> examples, TextEmbeddings embeddings) {
        List<String> classes = List.of(Label.NEGATIVE.id(), Label.NEUTRAL.id(), Label.POSITIVE.id());
        int[] labels = examples.stream()
                .mapToInt(e -> classes.indexOf(Label.of(e.label()).threeWay().id()))
                .toArray();
        Map<Integer, Long> counts = Arrays.stream(labels)
                .boxed()
                .collect(Collectors.groupingBy(l -> l, TreeMap::new, Collectors.counting()));
        double[] weights = Arrays.stream(labels)
                .mapToDouble(l -> (double) labels.length / (counts.size() * counts.get(l)))
                .toArray();
        List<String> texts = examples.stream().map(LabelledText::text).toList();
        TextFeatures features = TextFeatures.fit(embeddings, TextFeatures.Settings.DEFAULT, texts);
        SoftmaxRegression model = SoftmaxRegression.train(
                features.featuresOfAll(texts),
                labels,
                weights,
                classes.size(),
                features.dimensions(),
                SoftmaxRegression.Settings.DEFAULT);
        return new SentimentAnalyzer(features, model, 2, 0, DEFAULT_NEUTRAL_BAND);
    }

    /** The same model, calling neutral what scores within {@code band} of zero. */
    public SentimentAnalyzer withNeutralBand(double band) {
        return new SentimentAnalyzer(features, model, positive, negative, band);
    }

    public double neutralBand() {
        return neutralBand;
    }

    public Sentiment analyze(String text) {
        return decide(text, polarity(model.probabilities(features.features(text))), neutralBand);
    }

    public List<Sentiment> analyzeAll(List<String> texts) {
        List<SparseVector> vectors = features.featuresOfAll(texts);
        List<Sentiment> sentiments = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            sentiments.add(decide(texts.get(i), polarity(model.probabilities(vectors.get(i))), neutralBand));
        }
        return sentiments;
    }

    /** The neutral band that maximizes three-way macro-F1 on labelled development data. */
    public double chooseNeutralBand(List<LabelledText> development) {
        List<SparseVector> vectors = features.featuresOfAll(
                development.stream().map(LabelledText::text).toList());
        double[] scores = vectors.stream()
                .mapToDouble(v -> polarity(model.probabilities(v)))
                .toArray();
        double best = 0;
        double bestScore = -1;
        for (int step = 0; step <= 90; step++) {
            double band = step / 100.0;
            List<String> gold = new ArrayList<>();
            List<String> predicted = new ArrayList<>();
            for (int i = 0; i < development.size(); i++) {
                String text = development.get(i).text();
                gold.add(Label.of(development.get(i).label()).threeWay().id());
                predicted.add(decide(text, scores[i], band).label().threeWay().id());
            }
            double macroF1 = Scores.of(gold, predicted).macroF1();
            if (macroF1 > bestScore + 1e-12) {
                bestScore = macroF1;
                best = band;
            }
        }
        return best;
    }

    private double polarity(double[] probabilities) {
        return probabilities[positive] - probabilities[negative];
    }

    private static Sentiment decide(String text, double score, double band) {
        List<String> cues = FrustrationCues.find(text);
        Label label = Math.abs(score) < band ? Label.NEUTRAL : score > 0 ? Label.POSITIVE : Label.NEGATIVE;
        if ((label == Label.NEGATIVE && !cues.isEmpty()) || (label == Label.NEUTRAL && cues.size() >= 2)) {
            return new Sentiment(Label.FRUSTRATED, Math.max(-1, Math.min(score, -0.5 - 0.1 * (cues.size() - 1))), cues);
        }
        return new Sentiment(label, score, cues);
    }
}
