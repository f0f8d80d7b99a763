package dev.parley.assistant.internal.dialogues;

import dev.parley.assistant.Evaluations.Starter;
import dev.parley.assistant.Evaluations.Target;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code ./parley eval dialogues [--suite dir-or-file] [--only id,id] [--transcripts]}: plays scripted multi-turn
 * conversations against the demo store and reports task success (every expectation of a dialogue held) and policy
 * violations, ordinary and policy-safety dialogues apart. Without {@code --url} it starts Parley in this process on a
 * loopback port with a fresh data directory; with {@code --url} and {@code --key} (a platform admin's live key) it
 * plays against a running one. Failures go to stderr; the last stdout line is one JSON object.
 */
public final class DialogueEvaluation {

    /** Where the dev suite lives, from the repository root. */
    public static final String DEFAULT_SUITE = "bench/src/main/resources/eval/dialogues";

    private DialogueEvaluation() {}

    /** The figures of one run. */
    /**
     * @param timings milliseconds per stage of every assistant turn played (the warm-up's excepted), as the server
     *     measured them: what a turn adds to a request
     */
    public record Report(List<Verdict> verdicts, List<Map<String, Double>> timings) {

        public List<Verdict> of(Dialogue.Kind kind) {
            return verdicts.stream().filter(v -> v.dialogue().kind() == kind).toList();
        }

        public long passed(Dialogue.Kind kind) {
            return of(kind).stream().filter(Verdict::passed).count();
        }

        public long held(Dialogue.Kind kind) {
            return of(kind).stream().filter(Verdict::held).count();
        }

        /** Per stage of a turn, the median and the 99th percentile of its milliseconds over the turns played. */
        public Map<String, double[]> stagePercentiles() {
            Map<String, List<Double>> byStage = new java.util.LinkedHashMap<>();
            timings.forEach(turn -> turn.forEach((stage, ms) ->
                    byStage.computeIfAbsent(stage, k -> new ArrayList<>()).add(ms)));
            Map<String, double[]> percentiles = new java.util.LinkedHashMap<>();
            byStage.forEach((stage, values) -> {
                List<Double> sorted = values.stream().sorted().toList();
                percentiles.put(stage, new double[] {percentile(sorted, 0.50), percentile(sorted, 0.99)});
            });
            return percentiles;
        }

        /** The nearest-rank percentile of sorted values. */
        private static double percentile(List<Double> sorted, double p) {
            int rank = (int) Math.ceil(p * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        }

        /** Per policy, how many dialogues broke it. */
        public Map<String, Long> violations() {
            Map<String, Long> counts = new TreeMap<>();
            DialogueFile.POLICIES.forEach(p -> counts.put(p, 0L));
            verdicts.forEach(v -> v.violations().forEach(p -> counts.merge(p, 1L, Long::sum)));
            return counts;
        }

        public String json() {
            StringBuilder json = new StringBuilder("{\"dialogues\":").append(verdicts.size());
            for (Dialogue.Kind kind : Dialogue.Kind.values()) {
                int n = of(kind).size();
                json.append(String.format(
                        Locale.ROOT,
                        ",\"%s\":{\"n\":%d,\"passed\":%d,\"pass_rate\":%.3f,\"held\":%d}",
                        kind.name().toLowerCase(Locale.ROOT),
                        n,
                        passed(kind),
                        n == 0 ? 0.0 : (double) passed(kind) / n,
                        held(kind)));
            }
            json.append(",\"turn_ms\":{");
            json.append(String.join(
                    ",",
                    stagePercentiles().entrySet().stream()
                            .map(e -> String.format(
                                    Locale.ROOT,
                                    "\"%s\":{\"p50\":%.1f,\"p99\":%.1f}",
                                    e.getKey(),
                                    e.getValue()[0],
                                    e.getValue()[1]))
                            .toList()));
            json.append('}');
            json.append(",\"violations\":{");
            json.append(String.join(
                    ",",
                    violations().entrySet().stream()
                            .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                            .toList()));
            return json.append("}}").toString();
        }
    }

    public static int run(List<String> args, Starter starter, PrintStream out, PrintStream err) throws Exception {
        Map<String, String> options = options(args);
        if (options == null) {
            err.println("usage: eval dialogues [--suite dir-or-file] [--only id,id] [--transcripts]"
                    + " [--url http://127.0.0.1:8080 --key sk_live_...]"
                    + " [--model-base-url URL --model NAME [--model-api-key KEY] [--model-provider P]]");
            return 2;
        }
        Path suite = Path.of(options.getOrDefault("suite", DEFAULT_SUITE));
        if (!Files.exists(suite)) {
            err.println("No dialogues at " + suite.toAbsolutePath() + " (run from the repository root, or --suite)");
            return 2;
        }
        List<Dialogue> dialogues = DialogueFile.read(suite);
        if (options.containsKey("only")) {
            Set<String> only = Set.of(options.get("only").split(","));
            dialogues = dialogues.stream().filter(d -> only.contains(d.id())).toList();
        }
        DialoguePlayer.Model model = model(options);
        long started = System.nanoTime();
        Report report;
        try (Target target = target(options, starter, model)) {
            report = play(dialogues, target.base(), target.adminKey(), model, options.containsKey("transcripts"), err);
        }
        out.println(summary(report, (System.nanoTime() - started) / 1e9));
        out.println(report.json());
        return 0;
    }

    /** Plays and judges each dialogue in turn, telling {@code err} how each went. */
    public static Report play(
            List<Dialogue> dialogues,
            URI base,
            String adminKey,
            DialoguePlayer.Model model,
            boolean transcripts,
            PrintStream err) {
        DialoguePlayer player = new DialoguePlayer(base, adminKey, model);
        player.warmUp();
        List<Verdict> verdicts = new ArrayList<>();
        for (Dialogue dialogue : dialogues) {
            Transcript transcript = player.play(dialogue);
            Verdict verdict = DialogueJudge.judge(transcript);
            verdicts.add(verdict);
            err.println((verdict.passed() ? "PASS " : "FAIL ")
                    + dialogue.id()
                    + " (" + dialogue.kind().name().toLowerCase(Locale.ROOT) + ")"
                    + (verdict.held() ? "" : " VIOLATED " + verdict.violations()));
            for (Verdict.Failure f : verdict.failures()) {
                err.println("    " + (f.turn() == 0 ? "overall" : "turn " + f.turn()) + ": expected " + f.expected()
                        + "; got " + f.observed());
            }
            if (transcripts) {
                for (Transcript.Exchange x : transcript.exchanges()) {
                    err.println("    > " + x.customer());
                    err.println("    < " + x.reply().replaceAll("\\s+", " ").strip()
                            + (x.actions().isEmpty()
                                    ? ""
                                    : "  "
                                            + x.actions().stream()
                                                    .map(a -> a.type() + "/" + a.status())
                                                    .toList())
                            + (x.escalated() ? "  [escalated]" : ""));
                }
            }
        }
        return new Report(List.copyOf(verdicts), player.timings());
    }

    private static String summary(Report report, double seconds) {
        StringBuilder s = new StringBuilder();
        for (Dialogue.Kind kind : Dialogue.Kind.values()) {
            int n = report.of(kind).size();
            s.append(String.format(
                    Locale.ROOT,
                    "%-9s %3d/%-3d passed (%.1f%%), %d/%d held every policy%n",
                    kind.name().toLowerCase(Locale.ROOT),
                    report.passed(kind),
                    n,
                    n == 0 ? 0.0 : 100.0 * report.passed(kind) / n,
                    report.held(kind),
                    n));
        }
        s.append("dialogues breaking each policy: ").append(report.violations());
        s.append(String.format(Locale.ROOT, " (%.0f s)", seconds));
        s.append(String.format(
                Locale.ROOT,
                "%nturn stages over %d turns, ms p50/p99:",
                report.timings().size()));
        report.stagePercentiles()
                .forEach((stage, p) -> s.append(String.format(Locale.ROOT, " %s %.1f/%.1f", stage, p[0], p[1])));
        return s.toString();
    }

    private static Target target(Map<String, String> options, Starter starter, DialoguePlayer.Model model)
            throws Exception {
        if (options.containsKey("url")) {
            if (!options.containsKey("key")) {
                throw new IllegalArgumentException("--url needs --key, a platform admin's live key");
            }
            URI base = URI.create(options.get("url"));
            String key = options.get("key");
            return new Target() {
                @Override
                public URI base() {
                    return base;
                }

                @Override
                public String adminKey() {
                    return key;
                }

                @Override
                public void close() {}
            };
        }
        Map<String, String> properties = new LinkedHashMap<>();
        if (model != null && model.baseUrl() != null) {
            // A model on this machine or the local network (Ollama, vLLM) is a private address, refused unless allowed.
            URI modelUri = URI.create(model.baseUrl());
            properties.put(
                    "parley.platform.fetch.allow",
                    modelUri.getHost() + (modelUri.getPort() > 0 ? ":" + modelUri.getPort() : ""));
        }
        return starter.start(properties);
    }

    /** The model the command line names, or {@code null} for the offline engine. */
    private static DialoguePlayer.Model model(Map<String, String> options) {
        if (!options.containsKey("model")) {
            return null;
        }
        return new DialoguePlayer.Model(
                options.getOrDefault("model-provider", "openai_compatible"),
                options.get("model-base-url"),
                options.get("model"),
                options.get("model-api-key"));
    }

    /** {@code --name value} pairs and {@code --transcripts}; {@code null} for anything else. */
    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        Set<String> flags = Set.of("transcripts");
        Set<String> valued =
                Set.of("suite", "only", "url", "key", "model", "model-base-url", "model-api-key", "model-provider");
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i).replaceFirst("^--", "");
            if (flags.contains(name)) {
                options.put(name, "true");
            } else if (valued.contains(name) && i + 1 < args.size()) {
                options.put(name, args.get(++i));
            } else {
                return null;
            }
        }
        return options;
    }
}
