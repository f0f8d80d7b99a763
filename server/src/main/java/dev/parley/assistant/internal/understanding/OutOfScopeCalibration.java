package dev.parley.assistant.internal.understanding;

import dev.parley.assistant.internal.understanding.IntentClassifier.Evidence;
import dev.parley.knowledge.TextEmbeddings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code eval calibrate}: how the built-in intents' out-of-scope decision trades refused in-scope messages against
 * accepted out-of-scope ones. The held-out split is the built-in examples themselves, cut into folds by a hash of the
 * text: each example is scored by a model trained on the other folds. On those scores it sweeps one threshold for all
 * families, chooses a threshold per family (the one of least cost, an in-scope message refused costing {@code
 * --cost} times an out-of-scope one accepted), and shows both sides of each rule on the examples and on the test set.
 */
final class OutOfScopeCalibration {

    private static final String OOS = IntentClassifier.OUT_OF_SCOPE;

    private record Scored(String gold, Evidence evidence) {}

    /** Both sides of the decision, and accuracy, for one rule on one set. */
    private record Sides(double inScopeRefused, double outOfScopeAccepted, double accuracy) {}

    private OutOfScopeCalibration() {}

    static int run(Map<String, String> options, TextEmbeddings embeddings, PrintStream out, PrintStream err) {
        if (!options.containsKey("test")) {
            err.println("usage: eval calibrate --test dev.csv [--folds 5] [--cost 3]");
            return 2;
        }
        int folds = Integer.parseInt(options.getOrDefault("folds", "5"));
        double cost = Double.parseDouble(options.getOrDefault("cost", "3"));
        List<LabelledText> examples = BuiltInIntents.examples();
        List<Scored> heldOut = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            int f = fold;
            List<LabelledText> train = examples.stream()
                    .filter(e -> Math.floorMod(e.text().hashCode(), folds) != f)
                    .toList();
            List<LabelledText> held = examples.stream()
                    .filter(e -> Math.floorMod(e.text().hashCode(), folds) == f)
                    .toList();
            heldOut.addAll(score(IntentClassifier.train(train, embeddings, BuiltInIntents.SETTINGS), held));
            err.printf(Locale.ROOT, "fold %d of %d scored (%d examples)%n", fold + 1, folds, held.size());
        }
        List<LabelledText> test = LabelledCsv.read(Path.of(options.get("test")));
        List<Scored> tested = score(IntentClassifier.train(examples, embeddings, BuiltInIntents.SETTINGS), test);
        Set<String> testLabels = test.stream().map(LabelledText::label).collect(Collectors.toCollection(HashSet::new));

        printOneThreshold(heldOut, tested, testLabels, err);
        printMargins(heldOut, tested, testLabels, cost, err);
        Map<String, Double> perFamily = perFamily(heldOut, cost, 0);
        err.println("threshold per family (least cost on the held-out examples): " + perFamily);
        double global = BuiltInIntents.THRESHOLD;
        Sides ownGlobal = sides(heldOut, global, Map.of(), null);
        Sides testGlobal = sides(tested, global, Map.of(), testLabels);
        Sides ownPerFamily = sides(heldOut, global, perFamily, null);
        Sides testPerFamily = sides(tested, global, perFamily, testLabels);
        out.println(String.format(
                Locale.ROOT,
                "{\"folds\":%d,\"cost\":%.1f,\"examples\":%d,\"test\":%d,"
                        + "\"one_threshold\":{\"threshold\":%.2f,%s,%s},"
                        + "\"per_family\":{\"thresholds\":%s,%s,%s}}",
                folds,
                cost,
                heldOut.size(),
                tested.size(),
                global,
                json("examples", ownGlobal),
                json("test", testGlobal),
                perFamily.entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "\"%s\":%.2f", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(",", "{", "}")),
                json("examples", ownPerFamily),
                json("test", testPerFamily)));
        return 0;
    }

    /** One threshold for every family, from 0 to 0.9: both sides of the decision on the examples and the test set. */
    private static void printOneThreshold(
            List<Scored> heldOut, List<Scored> tested, Set<String> testLabels, PrintStream err) {
        err.println(
                "one threshold | examples: in-scope refused, oos accepted | test: in-scope refused, oos accepted, accuracy");
        for (int step = 0; step <= 18; step++) {
            double threshold = step * 0.05;
            Sides own = sides(heldOut, threshold, Map.of(), null);
            Sides there = sides(tested, threshold, Map.of(), testLabels);
            err.printf(
                    Locale.ROOT,
                    "  %.2f | %.3f %.3f | %.3f %.3f %.3f%n",
                    threshold,
                    own.inScopeRefused(),
                    own.outOfScopeAccepted(),
                    there.inScopeRefused(),
                    there.outOfScopeAccepted(),
                    there.accuracy());
        }
    }

    /** Refusing when out-of-scope outscores the family by a margin, with thresholds per family chosen for it. */
    private static void printMargins(
            List<Scored> heldOut, List<Scored> tested, Set<String> testLabels, double cost, PrintStream err) {
        err.println("margin (refuse when oos outscores the family by more), thresholds per family chosen for it |"
                + " examples: in-scope refused, oos accepted, cost | test: in-scope refused, oos accepted, accuracy");
        for (double margin : new double[] {-0.2, -0.1, 0, 0.1, 0.2, 0.3, 0.5}) {
            Map<String, Double> chosen = perFamily(heldOut, cost, margin);
            Sides own = sides(heldOut, 0, chosen, null, margin);
            Sides there = sides(tested, 0, chosen, testLabels, margin);
            err.printf(
                    Locale.ROOT,
                    "  %+.1f | %.3f %.3f %.3f | %.3f %.3f %.3f%n",
                    margin,
                    own.inScopeRefused(),
                    own.outOfScopeAccepted(),
                    cost * own.inScopeRefused() + own.outOfScopeAccepted(),
                    there.inScopeRefused(),
                    there.outOfScopeAccepted(),
                    there.accuracy());
        }
    }

    private static List<Scored> score(IntentClassifier classifier, List<LabelledText> rows) {
        List<Evidence> evidence =
                classifier.evidenceAll(rows.stream().map(LabelledText::text).toList());
        List<Scored> scored = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            scored.add(new Scored(rows.get(i).label(), evidence.get(i)));
        }
        return scored;
    }

    /**
     * The classifier's rule: refused when out of scope outscores the family by more than the margin (0 in the
     * classifier) or the family is under its threshold.
     */
    private static boolean refused(Evidence e, double threshold, Map<String, Double> perFamily, double margin) {
        return e.outOfScope() - e.family() > margin
                || e.family() < perFamily.getOrDefault(BuiltInIntents.family(e.best()), threshold);
    }

    private static boolean refused(Evidence e, double threshold, Map<String, Double> perFamily) {
        return refused(e, threshold, perFamily, 0);
    }

    private static Sides sides(List<Scored> rows, double threshold, Map<String, Double> perFamily, Set<String> labels) {
        return sides(rows, threshold, perFamily, labels, 0);
    }

    private static Sides sides(
            List<Scored> rows, double threshold, Map<String, Double> perFamily, Set<String> labels, double margin) {
        int inScope = 0, refusedInScope = 0, outOfScope = 0, accepted = 0, right = 0;
        for (Scored row : rows) {
            boolean refused = refused(row.evidence(), threshold, perFamily, margin);
            String predicted = refused ? OOS : row.evidence().best();
            if (labels != null && !labels.contains(predicted)) {
                predicted = BuiltInIntents.family(predicted);
            }
            right += predicted.equals(row.gold()) ? 1 : 0;
            if (row.gold().equals(OOS)) {
                outOfScope++;
                accepted += refused ? 0 : 1;
            } else {
                inScope++;
                refusedInScope += refused ? 1 : 0;
            }
        }
        return new Sides(
                inScope == 0 ? 0 : (double) refusedInScope / inScope,
                outOfScope == 0 ? 0 : (double) accepted / outOfScope,
                rows.isEmpty() ? 0 : (double) right / rows.size());
    }

    /** For each family, the threshold (0 to 0.9) of least cost on the rows whose best intent is of that family. */
    private static Map<String, Double> perFamily(List<Scored> rows, double cost, double margin) {
        Map<String, List<Scored>> byFamily = rows.stream()
                .collect(Collectors.groupingBy(
                        r -> BuiltInIntents.family(r.evidence().best()), TreeMap::new, Collectors.toList()));
        Map<String, Double> chosen = new TreeMap<>();
        byFamily.forEach((family, group) -> {
            double best = 0;
            double bestCost = Double.MAX_VALUE;
            for (int step = 0; step <= 18; step++) {
                double threshold = step * 0.05;
                double total = 0;
                for (Scored row : group) {
                    boolean refused = refused(row.evidence(), threshold, Map.of(), margin);
                    total += row.gold().equals(OOS) ? (refused ? 0 : 1) : (refused ? cost : 0);
                }
                if (total < bestCost - 1e-9) {
                    bestCost = total;
                    best = threshold;
                }
            }
            chosen.put(family, Math.round(best * 100) / 100.0);
        });
        return chosen;
    }

    private static String json(String name, Sides sides) {
        return String.format(
                Locale.ROOT,
                "\"%s\":{\"in_scope_refused\":%.4f,\"oos_accepted\":%.4f,\"accuracy\":%.4f}",
                name,
                sides.inScopeRefused(),
                sides.outOfScopeAccepted(),
                sides.accuracy());
    }
}
