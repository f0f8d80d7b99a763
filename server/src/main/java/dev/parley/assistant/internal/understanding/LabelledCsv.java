package dev.parley.assistant.internal.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Labelled data as CSV (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks), with a header row
 * naming a {@code text} and a {@code label} column (or {@code category} or {@code intent}), in any order and beside any other columns.
 */
public final class LabelledCsv {

    private LabelledCsv() {}

    public static List<LabelledText> read(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<LabelledText> parse(String csv) {
        return read(new StringReader(csv));
    }

    private static final List<String> LABEL_COLUMNS = List.of("label", "category", "intent");

    public static List<LabelledText> read(Reader reader) {
        List<List<String>> records = records(reader, ',');
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.getFirst().stream()
                .map(h -> h.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT))
                .toList();
        int text = header.indexOf("text");
        // public sets name the label column differently (BANKING77's CSVs say "category"; others say "intent")
        int label = LABEL_COLUMNS.stream()
                .mapToInt(header::indexOf)
                .filter(i -> i >= 0)
                .findFirst()
                .orElse(-1);
        if (text < 0 || label < 0) {
            throw new IllegalArgumentException(
                    "the header must name a 'text' and a 'label' (or 'category' or 'intent') column, found " + header);
        }
        List<LabelledText> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() == 1 && record.getFirst().isBlank()) {
                continue;
            }
            if (record.size() <= Math.max(text, label)) {
                throw new IllegalArgumentException("row " + (rows.size() + 2) + " has too few columns: " + record);
            }
            rows.add(new LabelledText(record.get(text), record.get(label).strip()));
        }
        return rows;
    }

    /** Splits delimited text into records of fields, honouring quotes. */
    public static List<List<String>> records(Reader input, char delimiter) {
        Reader reader = input.markSupported() ? input : new BufferedReader(input);
        try {
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int c;
            while ((c = reader.read()) != -1) {
                any = true;
                if (quoted) {
                    if (c == '"') {
                        reader.mark(1);
                        int next = reader.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                reader.reset();
                            }
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == delimiter) {
                    record.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        reader.mark(1);
                        if (reader.read() != '\n') {
                            reader.reset();
                        }
                    }
                    record.add(field.toString());
                    field.setLength(0);
                    records.add(record);
                    record = new ArrayList<>();
                    any = false;
                } else {
                    field.append((char) c);
                }
            }
            if (any) {
                record.add(field.toString());
                records.add(record);
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path path, List<LabelledText> rows) throws IOException {
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        try (Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            writer.write("text,label\n");
            for (LabelledText row : rows) {
                writer.write(quote(row.text()) + "," + quote(row.label()) + "\n");
            }
        }
    }

    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
