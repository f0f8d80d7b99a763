package dev.parley.assistant.internal.understanding;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Classification scores of predictions against gold labels. Macro averages run over the labels that occur in the
 * gold data.
 */
public record Scores(int n, int correct, Map<String, ClassScore> classes, Map<String, Integer> confusions) {

    /** How one label fares: how often it is right when predicted (precision) and found when due (recall). */
    public record ClassScore(int support, int predicted, int correct) {

        public double precision() {
            return predicted == 0 ? 0 : (double) correct / predicted;
        }

        public double recall() {
            return support == 0 ? 0 : (double) correct / support;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    public static Scores of(List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold and predicted labels differ in number");
        }
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Integer> confusions = new TreeMap<>();
        int correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            String g = gold.get(i);
            String p = predicted.get(i);
            counts.computeIfAbsent(g, k -> new int[3])[0]++;
            counts.computeIfAbsent(p, k -> new int[3])[1]++;
            if (g.equals(p)) {
                counts.get(g)[2]++;
                correct++;
            } else {
                confusions.merge(g + " -> " + p, 1, Integer::sum);
            }
        }
        Map<String, ClassScore> classes = new TreeMap<>();
        counts.forEach((label, c) -> classes.put(label, new ClassScore(c[0], c[1], c[2])));
        return new Scores(gold.size(), correct, classes, confusions);
    }

    public double accuracy() {
        return n == 0 ? 0 : (double) correct / n;
    }

    public double macroF1() {
        return classes.values().stream()
                .filter(c -> c.support() > 0)
                .mapToDouble(ClassScore::f1)
                .average()
                .orElse(0);
    }

    public ClassScore of(String label) {
        return classes.getOrDefault(label, new ClassScore(0, 0, 0));
    }
}
