package dev.parley.assistant.internal.understanding;

import dev.parley.knowledge.TextEmbeddings;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a model sees of a text: its sentence embedding (meaning, robust to paraphrase) followed by hashed word
 * uni- and bigrams and character 3-5-grams (exact wording, typos, rare terms), each group weighted by log-count
 * times inverse document frequency and scaled to unit length. The inverse document frequencies are learnt from the
 * training texts, so the features are a pure function of them.
 */
final class TextFeatures {

    /**
     * @param negationScope whether the words within a few words after a negation ("never", "didn't", "no"...) in the
     *     same clause are read as negated words ("never showed up" as "never not_showed not_up"), so that "showed up"
     *     alone does not learn the complaint that "never showed up" is
     */
    record Settings(int hashBits, float embeddingWeight, float wordWeight, float charWeight, boolean negationScope) {

        static final Settings DEFAULT = new Settings(17, 1.0f, 0.8f, 0.8f);
        /** What the sentiment analyzer reads: the default with negation scope. */
        static final Settings SENTIMENT = new Settings(17, 1.0f, 0.8f, 0.8f, true);

        Settings(int hashBits, float embeddingWeight, float wordWeight, float charWeight) {
            this(hashBits, embeddingWeight, wordWeight, charWeight, false);
        }
    }

    /** How many words after a negation are read as negated (the clause ends it sooner). */
    private static final int NEGATION_SCOPE = 3;

    private static final Pattern CLAUSE = Pattern.compile("[.,!?;:()\"]+|\\s-\\s");
    private static final Set<String> NEGATORS = Set.of(
            "not", "no", "never", "without", "nobody", "nothing", "nor", "cannot", "cant", "dont", "didnt", "wont",
            "isnt", "wasnt", "neither", "none");

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final TextEmbeddings embeddings;
    private final Settings settings;
    private final float[] idf;

    private TextFeatures(TextEmbeddings embeddings, Settings settings, float[] idf) {
        this.embeddings = embeddings;
        this.settings = settings;
        this.idf = idf;
    }

    /** Learns the inverse document frequencies of the given texts' n-grams. */
    static TextFeatures fit(TextEmbeddings embeddings, Settings settings, List<String> texts) {
        int buckets = 1 << settings.hashBits();
        int[] documentFrequency = new int[buckets];
        for (String text : texts) {
            for (int bucket :
                    ngramCounts(text, buckets, settings.negationScope()).keySet()) {
                documentFrequency[bucket]++;
            }
        }
        float[] idf = new float[buckets];
        for (int i = 0; i < buckets; i++) {
            idf[i] = (float) (Math.log((1.0 + texts.size()) / (1.0 + documentFrequency[i])) + 1);
        }
        return new TextFeatures(embeddings, settings, idf);
    }

    int dimensions() {
        return embeddings.dimensions() + (1 << settings.hashBits());
    }

    /** Writes what was learnt (settings and inverse document frequencies); the embeddings are the reader's. */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(settings.hashBits());
        out.writeFloat(settings.embeddingWeight());
        out.writeFloat(settings.wordWeight());
        out.writeFloat(settings.charWeight());
        out.writeBoolean(settings.negationScope());
        out.writeInt(embeddings.dimensions());
        for (float value : idf) {
            out.writeFloat(value);
        }
    }

    /** Reads what {@link #write} wrote, to use with {@code embeddings}, which must have the writer's dimensions. */
    static TextFeatures read(DataInputStream in, TextEmbeddings embeddings) throws IOException {
        Settings settings =
                new Settings(in.readInt(), in.readFloat(), in.readFloat(), in.readFloat(), in.readBoolean());
        int dimensions = in.readInt();
        if (dimensions != embeddings.dimensions()) {
            throw new IOException("written for embeddings of " + dimensions + " dimensions");
        }
        float[] idf = new float[1 << settings.hashBits()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = in.readFloat();
        }
        return new TextFeatures(embeddings, settings, idf);
    }

    SparseVector features(String text) {
        return combine(embeddings.embed(text), text);
    }

    List<SparseVector> featuresOfAll(List<String> texts) {
        List<float[]> vectors = embeddings.embedAll(texts);
        List<SparseVector> features = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            features.add(combine(vectors.get(i), texts.get(i)));
        }
        return features;
    }

    private SparseVector combine(float[] embedding, String text) {
        int buckets = 1 << settings.hashBits();
        Map<Integer, float[]> grams = new HashMap<>();
        // Word and character n-grams are normalised as two groups, so neither drowns the other.
        for (boolean words : new boolean[] {true, false}) {
            float weight = words ? settings.wordWeight() : settings.charWeight();
            if (weight == 0) {
                continue; // a group left out costs nothing
            }
            Map<Integer, Integer> counts =
                    words ? wordCounts(text, buckets, settings.negationScope()) : charCounts(text, buckets);
            double norm = 0;
            Map<Integer, Float> weighted = new HashMap<>();
            for (var entry : counts.entrySet()) {
                float value = (float) ((1 + Math.log(entry.getValue())) * idf[entry.getKey()]);
                weighted.put(entry.getKey(), value);
                norm += value * value;
            }
            float scale = (float) (weight / Math.max(Math.sqrt(norm), 1e-9));
            weighted.forEach((bucket, value) -> grams.computeIfAbsent(bucket, b -> new float[1])[0] += value * scale);
        }
        int dense = embedding.length;
        int[] keys =
                grams.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] indices = new int[dense + keys.length];
        float[] values = new float[dense + keys.length];
        for (int i = 0; i < dense; i++) {
            indices[i] = i;
            values[i] = embedding[i] * settings.embeddingWeight();
        }
        for (int i = 0; i < keys.length; i++) {
            indices[dense + i] = dense + keys[i];
            values[dense + i] = grams.get(keys[i])[0];
        }
        return new SparseVector(indices, values);
    }

    static String normalize(String text) {
        String folded =
                MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return folded.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        var matcher = TOKEN.matcher(normalize(text));
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static Map<Integer, Integer> ngramCounts(String text, int buckets, boolean negationScope) {
        Map<Integer, Integer> counts = wordCounts(text, buckets, negationScope);
        charCounts(text, buckets).forEach((k, v) -> counts.merge(k, v, Integer::sum));
        return counts;
    }

    private static Map<Integer, Integer> wordCounts(String text, int buckets, boolean negationScope) {
        Map<Integer, Integer> counts = new HashMap<>();
        List<String> tokens = negationScope ? negationScoped(text) : tokens(text);
        String previous = "<s>";
        for (String token : tokens) {
            counts.merge(bucket("w:" + token, buckets), 1, Integer::sum);
            counts.merge(bucket("b:" + previous + " " + token, buckets), 1, Integer::sum);
            previous = token;
        }
        if (!tokens.isEmpty()) {
            counts.merge(bucket("b:" + previous + " </s>", buckets), 1, Integer::sum);
        }
        return counts;
    }

    private static Map<Integer, Integer> charCounts(String text, int buckets) {
        Map<Integer, Integer> counts = new HashMap<>();
        String padded = " " + String.join(" ", tokens(text)) + " ";
        for (int n = 3; n <= 5; n++) {
            for (int i = 0; i + n <= padded.length(); i++) {
                counts.merge(bucket("c:" + padded.substring(i, i + n), buckets), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The tokens of a text, those within a few words after a negation in the same clause marked "not_". */
    static List<String> negationScoped(String text) {
        List<String> scoped = new ArrayList<>();
        for (String clause : CLAUSE.split(normalize(text))) {
            int negated = 0;
            var matcher = TOKEN.matcher(clause);
            while (matcher.find()) {
                String token = matcher.group();
                if (NEGATORS.contains(token) || token.endsWith("n't")) {
                    scoped.add(token);
                    negated = NEGATION_SCOPE;
                } else if (negated > 0) {
                    scoped.add("not_" + token);
                    negated--;
                } else {
                    scoped.add(token);
                }
            }
        }
        return scoped;
    }

    /** FNV-1a, 64 bits, folded into the bucket range: stable across runs and JVMs. */
    static int bucket(String gram, int buckets) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < gram.length(); i++) {
            hash ^= gram.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 29;
        return (int) Math.floorMod(hash, (long) buckets);
    }
}
