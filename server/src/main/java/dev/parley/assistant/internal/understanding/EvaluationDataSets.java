package dev.parley.assistant.internal.understanding;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns the public labelled data sets into {@code text,label} CSVs, the same way every time. */
final class EvaluationDataSets {

    private EvaluationDataSets() {}

    static int prepare(Path from, Path to, PrintStream err) throws IOException {
        JsonNode clinc = JsonMapper.builder()
                .build()
                .readTree(from.resolve("clinc150/data_full.json").toFile());
        write(to.resolve("clinc150-train.csv"), concat(pairs(clinc, "train"), pairs(clinc, "oos_train")), err);
        write(to.resolve("clinc150-val.csv"), concat(pairs(clinc, "val"), pairs(clinc, "oos_val")), err);
        write(to.resolve("clinc150-test.csv"), concat(pairs(clinc, "test"), pairs(clinc, "oos_test")), err);

        write(to.resolve("hwu64-train.csv"), hwu(from.resolve("hwu64/train.csv")), err);
        write(to.resolve("hwu64-test.csv"), hwu(from.resolve("hwu64/test.csv")), err);

        List<LabelledText> reviews = concat(
                reviews(from.resolve("review_sentences_sentiment/amazon_cells_labelled.txt")),
                reviews(from.resolve("review_sentences_sentiment/yelp_labelled.txt")));
        write(
                to.resolve("reviews-train.csv"),
                reviews.stream().filter(r -> !heldOut(r.text())).toList(),
                err);
        write(
                to.resolve("reviews-test.csv"),
                reviews.stream().filter(r -> heldOut(r.text())).toList(),
                err);

        // The assistant's own intents, split exactly as the server splits them at startup.
        dev.parley.assistant.internal.understanding.BuiltInIntents.Split builtIn =
                dev.parley.assistant.internal.understanding.BuiltInIntents.split();
        write(to.resolve("builtin-intents-train.csv"), builtIn.train(), err);
        write(to.resolve("builtin-intents-val.csv"), builtIn.validation(), err);
        return 0;
    }

    /** One sentence in five is held out, chosen by a hash of its text: the same split on every machine. */
    static boolean heldOut(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 5 == 0;
    }

    private static List<LabelledText> pairs(JsonNode clinc, String split) {
        List<LabelledText> rows = new ArrayList<>();
        clinc.path(split)
                .forEach(pair -> rows.add(
                        new LabelledText(pair.get(0).asString(), pair.get(1).asString())));
        return rows;
    }

    /** HWU64: semicolon-separated, the plain text in {@code answer_from_anno}, the label scenario_intent. */
    private static List<LabelledText> hwu(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<List<String>> records = LabelledCsv.records(reader, ';');
            List<String> header = records.getFirst();
            int scenario = header.indexOf("scenario");
            int intent = header.indexOf("intent");
            int text = header.indexOf("answer_from_anno");
            return records.subList(1, records.size()).stream()
                    .filter(r -> r.size() > text && !r.get(text).isBlank())
                    .map(r -> new LabelledText(r.get(text).strip(), r.get(scenario) + "_" + r.get(intent)))
                    .toList();
        }
    }

    /** Review sentences: {@code sentence<TAB>score} under a header, score 1 positive and 0 negative. */
    private static List<LabelledText> reviews(Path file) throws IOException {
        List<LabelledText> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int tab = line.lastIndexOf('\t');
            if (tab < 0 || line.startsWith("sentence\tscore")) {
                continue;
            }
            String score = line.substring(tab + 1).strip();
            rows.add(new LabelledText(line.substring(0, tab).strip(), score.equals("1") ? "positive" : "negative"));
        }
        return rows;
    }

    private static List<LabelledText> concat(List<LabelledText> first, List<LabelledText> second) {
        List<LabelledText> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static void write(Path file, List<LabelledText> rows, PrintStream err) throws IOException {
        LabelledCsv.write(file, rows);
        err.printf("wrote %s (%d rows)%n", file, rows.size());
    }
}
