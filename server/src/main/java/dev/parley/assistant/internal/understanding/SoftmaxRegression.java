package dev.parley.assistant.internal.understanding;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression over sparse features, trained by stochastic gradient descent with AdaGrad step
 * sizes and L2 regularization of the weights an example updates (lazily: only where its gradient is not negligible). One thread and a seeded shuffle: the same examples
 * give the same model. Optionally trained several times on differently shuffled examples and the weights averaged,
 * which is still one linear model (the same size and speed) but no longer depends on the luck of one shuffle.
 */
final class SoftmaxRegression {

    /** @param shuffles how many models, each trained on its own shuffle of the examples, are averaged into one */
    record Settings(int epochs, double learningRate, double l2, long seed, int shuffles) {

        static final Settings DEFAULT = new Settings(12, 0.2, 1e-5, 20_261_123L, 1);

        Settings(int epochs, double learningRate, double l2, long seed) {
            this(epochs, learningRate, l2, seed, 1);
        }

        Settings withShuffles(int shuffles) {
            return new Settings(epochs, learningRate, l2, seed, shuffles);
        }
    }

    /** Classes the example already scores right to within this are left alone: most of them, after an epoch. */
    private static final double NEGLIGIBLE = 1e-4;

    private final int classes;
    private final float[] weights;
    private final double[] bias;

    private SoftmaxRegression(int classes, float[] weights, double[] bias) {
        this.classes = classes;
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * @param labels class of each example, in {@code [0, classes)}
     * @param exampleWeights how much each example counts (e.g. to balance classes)
     */
    static SoftmaxRegression train(
            List<SparseVector> examples,
            int[] labels,
            double[] exampleWeights,
            int classes,
            int dimensions,
            Settings settings) {
        SoftmaxRegression averaged = trainOnce(examples, labels, exampleWeights, classes, dimensions, settings, 0);
        for (int shuffle = 1; shuffle < settings.shuffles(); shuffle++) {
            SoftmaxRegression next =
                    trainOnce(examples, labels, exampleWeights, classes, dimensions, settings, shuffle);
            for (int i = 0; i < averaged.weights.length; i++) {
                averaged.weights[i] += next.weights[i];
            }
            for (int k = 0; k < classes; k++) {
                averaged.bias[k] += next.bias[k];
            }
        }
        for (int i = 0; i < averaged.weights.length; i++) {
            averaged.weights[i] /= settings.shuffles();
        }
        for (int k = 0; k < classes; k++) {
            averaged.bias[k] /= settings.shuffles();
        }
        return averaged;
    }

    private static SoftmaxRegression trainOnce(
            List<SparseVector> examples,
            int[] labels,
            double[] exampleWeights,
            int classes,
            int dimensions,
            Settings settings,
            int shuffle) {
        float[] weights = new float[dimensions * classes];
        float[] squaredGradients = new float[dimensions * classes];
        double[] bias = new double[classes];
        double[] biasSquaredGradients = new double[classes];
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // The first shuffle keeps the seed itself, so a model of one shuffle is what it was before averaging.
        Random random = new Random(settings.seed() + shuffle);
        double[] gradient = new double[classes];
        float rate = (float) settings.learningRate();
        float l2 = (float) settings.l2();
        SoftmaxRegression model = new SoftmaxRegression(classes, weights, bias);
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (int index : order) {
                SparseVector x = examples.get(index);
                model.probabilities(x, gradient);
                gradient[labels[index]] -= 1;
                for (int k = 0; k < classes; k++) {
                    gradient[k] *= exampleWeights[index];
                    biasSquaredGradients[k] += gradient[k] * gradient[k];
                    bias[k] -= settings.learningRate() * gradient[k] / (Math.sqrt(biasSquaredGradients[k]) + 1e-8);
                }
                int[] indices = x.indices();
                float[] values = x.values();
                for (int n = 0; n < indices.length; n++) {
                    int base = indices[n] * classes;
                    float value = values[n];
                    for (int k = 0; k < classes; k++) {
                        if (Math.abs(gradient[k]) < NEGLIGIBLE) {
                            continue;
                        }
                        float g = (float) gradient[k] * value + l2 * weights[base + k];
                        float accumulated = squaredGradients[base + k] + g * g;
                        squaredGradients[base + k] = accumulated;
                        weights[base + k] -= rate * g / ((float) Math.sqrt(accumulated) + 1e-8f);
                    }
                }
            }
        }
        return model;
    }

    int classes() {
        return classes;
    }

    /**
     * Writes the parameters: the biases, then only the rows of weights that training touched (most hashed n-gram
     * buckets are never seen, and their rows stay zero).
     */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(classes);
        out.writeInt(weights.length / classes);
        for (double b : bias) {
            out.writeDouble(b);
        }
        int rows = weights.length / classes;
        int touched = 0;
        for (int row = 0; row < rows; row++) {
            touched += isZero(row) ? 0 : 1;
        }
        out.writeInt(touched);
        for (int row = 0; row < rows; row++) {
            if (!isZero(row)) {
                out.writeInt(row);
                for (int k = 0; k < classes; k++) {
                    out.writeFloat(weights[row * classes + k]);
                }
            }
        }
    }

    static SoftmaxRegression read(DataInputStream in) throws IOException {
        int classes = in.readInt();
        int rows = in.readInt();
        double[] bias = new double[classes];
        for (int k = 0; k < classes; k++) {
            bias[k] = in.readDouble();
        }
        float[] weights = new float[Math.multiplyExact(rows, classes)];
        int touched = in.readInt();
        for (int i = 0; i < touched; i++) {
            int row = in.readInt();
            for (int k = 0; k < classes; k++) {
                weights[row * classes + k] = in.readFloat();
            }
        }
        return new SoftmaxRegression(classes, weights, bias);
    }

    private boolean isZero(int row) {
        for (int k = 0; k < classes; k++) {
            if (weights[row * classes + k] != 0) {
                return false;
            }
        }
        return true;
    }

    double[] probabilities(SparseVector x) {
        double[] p = new double[classes];
        probabilities(x, p);
        return p;
    }

    private void probabilities(SparseVector x, double[] p) {
        for (int k = 0; k < classes; k++) {
            p[k] = bias[k];
        }
        int[] indices = x.indices();
        float[] values = x.values();
        for (int n = 0; n < indices.length; n++) {
            int base = indices[n] * classes;
            float value = values[n];
            for (int k = 0; k < classes; k++) {
                p[k] += weights[base + k] * value;
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double score : p) {
            max = Math.max(max, score);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            p[k] = Math.exp(p[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < classes; k++) {
            p[k] /= sum;
        }
    }
}
