package dev.parley.assistant.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionTests {

    /** Two noisy classes along the first of two dimensions; the second is noise. */
    private static final List<SparseVector> EXAMPLES = new ArrayList<>();

    private static final int[] LABELS = new int[200];

    static {
        Random random = new Random(7);
        for (int i = 0; i < LABELS.length; i++) {
            LABELS[i] = i % 2;
            float signal = (LABELS[i] == 1 ? 1 : -1) + (float) random.nextGaussian();
            EXAMPLES.add(new SparseVector(new int[] {0, 1}, new float[] {signal, (float) random.nextGaussian()}));
        }
    }

    private static SoftmaxRegression train(SoftmaxRegression.Settings settings) {
        double[] weights = new double[LABELS.length];
        java.util.Arrays.fill(weights, 1);
        return SoftmaxRegression.train(EXAMPLES, LABELS, weights, 2, 2, settings);
    }

    private static double positive(SoftmaxRegression model, float x) {
        return model.probabilities(new SparseVector(new int[] {0}, new float[] {x}))[1];
    }

    @Test
    void oneShuffleIsTheModelOfTheSeedAlone() {
        SoftmaxRegression.Settings settings = SoftmaxRegression.Settings.DEFAULT;

        assertThat(positive(train(settings.withShuffles(1)), 0.5f)).isEqualTo(positive(train(settings), 0.5f));
    }

    @Test
    void averagesTheModelsOfSeveralShufflesIntoOne() {
        SoftmaxRegression.Settings settings = SoftmaxRegression.Settings.DEFAULT;
        SoftmaxRegression first = train(settings);
        SoftmaxRegression second = train(new SoftmaxRegression.Settings(
                settings.epochs(), settings.learningRate(), settings.l2(), settings.seed() + 1));
        SoftmaxRegression averaged = train(settings.withShuffles(2));

        // A linear model's averaged weights give the average logit; with two classes and no second feature, the
        // logit of positive is log(p / (1 - p)).
        double logit = logit(positive(averaged, 0.5f));
        double expected = (logit(positive(first, 0.5f)) + logit(positive(second, 0.5f))) / 2;

        assertThat(logit).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(positive(averaged, 2f)).isGreaterThan(0.5);
        assertThat(positive(averaged, -2f)).isLessThan(0.5);
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
