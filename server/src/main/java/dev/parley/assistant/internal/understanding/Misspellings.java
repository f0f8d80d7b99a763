package dev.parley.assistant.internal.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customers' slips of the keyboard mended before a message is read ("cancle my ordr", "wher is my pakage", "chnage my
 * adress", "i recieved a damged item"): the model reads a misspelt word as pieces that mean little, and two slips in a
 * message cost a fifth of the intents on our typo'd development sets. A word that no dictionary here knows becomes the
 * shop word nearest to it: one letter away (missing, extra, changed, or two swapped) for words of four or five
 * letters, two for longer ones; the nearer wins, then the more common.
 *
 * <p>Shop words are those the built-in intents' examples use at least {@value #SHOP_WORD_COUNT} times, except the
 * slips written into the examples on purpose (a word no dictionary knows one slip from one used {@value #COMMONER}
 * times as often: "adress" beside "address"). Known words are the shop words, 88,500 English words (American and British,
 * from SCOWL) and the embedding model's own whole words, less "oder" and "emil", and two words no list has ("whee",
 * "mone"). Email addresses, links and words with digits are
 * left as they are, and so is a message in another language.
 */
public final class Misspellings {

    static final int SHOP_WORD_COUNT = 3;
    /** How many times more often a word is used than a slip of it. */
    static final int COMMONER = 5;

    private static final int SHORTEST = 4;
    private static final int TWO_SLIPS_FROM = 6;

    /** Words shoppers write that no word list here has, near a shop word: never "corrected". */
    private static final Set<String> REAL = Set.of("whee", "mone");

    /** Words of the model's vocabulary (German, a name) that our customers write only as slips of a shop word. */
    private static final Set<String> SLIPS_IN_THE_VOCABULARY = Set.of("oder", "emil");

    /** A word of letters that is no part of an email address or a link. */
    private static final Pattern WORD = Pattern.compile("(?<![@\\w./-])\\p{L}{4,}(?![@\\w]|\\.\\w|/)");

    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

    private static final class Standard {
        static final Misspellings INSTANCE = new Misspellings(
                dictionary(),
                BuiltInIntents.examples().stream().map(LabelledText::text).toList());
    }

    private final LanguageDetector languages = new LanguageDetector();
    private final Set<String> known;
    private final Map<String, Integer> shopWords;
    /** Shop words by length, for the candidates of a word. */
    private final List<List<String>> byLength;

    Misspellings(Collection<String> dictionary, List<String> examples) {
        Map<String, Integer> counts = new HashMap<>();
        for (String example : examples) {
            Matcher word = LETTERS.matcher(example.toLowerCase(Locale.ROOT));
            while (word.find()) {
                counts.merge(word.group(), 1, Integer::sum);
            }
        }
        Set<String> slips = slips(counts, dictionary);
        this.shopWords = new HashMap<>();
        counts.forEach((word, count) -> {
            if (count >= SHOP_WORD_COUNT && word.length() >= SHORTEST && !slips.contains(word)) {
                shopWords.put(word, count);
            }
        });
        this.known = new HashSet<>(dictionary);
        known.addAll(shopWords.keySet());
        known.addAll(REAL);
        known.removeAll(SLIPS_IN_THE_VOCABULARY);
        this.byLength = new ArrayList<>();
        shopWords.keySet().stream().sorted().forEach(word -> {
            while (byLength.size() <= word.length()) {
                byLength.add(new ArrayList<>());
            }
            byLength.get(word.length()).add(word);
        });
    }

    /** Mended with the built-in intents' shop words and the embedding model's vocabulary. */
    public static Misspellings standard() {
        return Standard.INSTANCE;
    }

    /** The message with its slips mended; the message itself when nothing needs it. */
    public String corrected(String message) {
        Matcher word = WORD.matcher(message);
        StringBuilder out = null;
        int at = 0;
        while (word.find()) {
            String right = correction(word.group());
            if (right == null) {
                continue;
            }
            if (out == null) {
                if (!languages.detect(message).equals("en")) {
                    return message;
                }
                out = new StringBuilder(message.length() + 8);
            }
            out.append(message, at, word.start()).append(inCaseOf(word.group(), right));
            at = word.end();
        }
        return out == null ? message : out.append(message, at, message.length()).toString();
    }

    /** The word meant, or {@code null} when the word is known or no shop word is near enough. */
    String correction(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return known.contains(lower) ? null : nearestShopWord(lower);
    }

    private String nearestShopWord(String word) {
        int allowed = word.length() >= TWO_SLIPS_FROM ? 2 : 1;
        String best = null;
        int bestDistance = allowed + 1;
        int bestCount = 0;
        for (int length = word.length() - allowed; length <= word.length() + allowed; length++) {
            if (length < SHORTEST || length >= byLength.size()) {
                continue;
            }
            for (String candidate : byLength.get(length)) {
                int distance = distance(word, candidate, allowed);
                if (distance > allowed) {
                    continue;
                }
                int count = shopWords.get(candidate);
                if (distance < bestDistance || (distance == bestDistance && count > bestCount)) {
                    best = candidate;
                    bestDistance = distance;
                    bestCount = count;
                }
            }
        }
        return best;
    }

    /**
     * The examples' words that are one slip from a word they use at least {@link #COMMONER} times as often, found
     * through the words each is left as with one letter less. A plural is no slip, and neither is a word of the
     * dictionary ("were" beside "where") but for {@link #SLIPS_IN_THE_VOCABULARY}.
     */
    private static Set<String> slips(Map<String, Integer> counts, Collection<String> dictionary) {
        Map<String, List<String>> commonByShorter = new HashMap<>();
        counts.forEach((word, count) -> {
            if (count >= COMMONER) {
                commonByShorter.computeIfAbsent(word, k -> new ArrayList<>()).add(word);
                for (String shorter : oneLetterLess(word)) {
                    commonByShorter
                            .computeIfAbsent(shorter, k -> new ArrayList<>())
                            .add(word);
                }
            }
        });
        Set<String> slips = new HashSet<>();
        counts.forEach((word, count) -> {
            if (dictionary.contains(word) && !SLIPS_IN_THE_VOCABULARY.contains(word)) {
                return;
            }
            List<String> keys = oneLetterLess(word);
            keys.add(word);
            for (String key : keys) {
                for (String other : commonByShorter.getOrDefault(key, List.of())) {
                    if (counts.get(other) >= COMMONER * count
                            && !other.equals(word)
                            && !other.equals(word + "s")
                            && !word.equals(other + "s")
                            && distance(word, other, 1) == 1) {
                        slips.add(word);
                    }
                }
            }
        });
        return slips;
    }

    private static List<String> oneLetterLess(String word) {
        List<String> shorter = new ArrayList<>(word.length() + 1);
        for (int i = 0; i < word.length(); i++) {
            shorter.add(word.substring(0, i) + word.substring(i + 1));
        }
        return shorter;
    }

    /**
     * Edits between two words (a letter missing, extra or changed, or two neighbours swapped), or {@code limit + 1}
     * once they are further apart than {@code limit}.
     */
    static int distance(String a, String b, int limit) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > limit) {
            return limit + 1;
        }
        int[] beforePrevious = new int[lb + 1];
        int[] previous = new int[lb + 1];
        int[] current = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= la; i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= lb; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, beforePrevious[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] spare = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = spare;
        }
        return Math.min(previous[lb], limit + 1);
    }

    private static String inCaseOf(String said, String right) {
        if (said.length() > 1 && said.equals(said.toUpperCase(Locale.ROOT))) {
            return right.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(said.charAt(0))) {
            return Character.toUpperCase(right.charAt(0)) + right.substring(1);
        }
        return right;
    }

    /** English words of four letters or more (SCOWL, see english-words.NOTICE) and the embedding model's own words. */
    private static Set<String> dictionary() {
        Set<String> words = modelVocabulary();
        InputStream list = Misspellings.class.getResourceAsStream("/assistant/english-words.txt.gz");
        if (list == null) {
            throw new IllegalStateException("assistant/english-words.txt.gz is not on the class path");
        }
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(new GZIPInputStream(list), StandardCharsets.UTF_8))) {
            lines.lines().forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** The whole words of the embedding model's WordPiece vocabulary (its tokenizer ships in the model's artifact). */
    private static Set<String> modelVocabulary() {
        try (InputStream tokenizer =
                Misspellings.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
            if (tokenizer == null) {
                throw new IllegalStateException("all-minilm-l6-v2-q-tokenizer.json is not on the class path");
            }
            JsonNode vocabulary = JsonMapper.builder()
                    .build()
                    .readTree(tokenizer)
                    .path("model")
                    .path("vocab");
            Set<String> words = new HashSet<>();
            for (String token : vocabulary.propertyNames()) {
                if (LETTERS.matcher(token).matches()) {
                    words.add(token);
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
