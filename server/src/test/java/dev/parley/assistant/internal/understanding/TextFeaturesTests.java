package dev.parley.assistant.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.knowledge.TextEmbeddings;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextFeaturesTests {

    static TextEmbeddings embeddings;
    static final List<String> TEXTS =
            List.of("where is my order 1001", "I want to return these boots", "my card payment was declined twice");

    @BeforeAll
    static void embeddings() {
        embeddings = TextEmbeddings.local();
    }

    @Test
    void eachGroupHasTheLengthOfItsWeight() {
        SparseVector words = features(new TextFeatures.Settings(17, 0.5f, 0.8f, 0f), "where is my order 1001");
        SparseVector chars = features(new TextFeatures.Settings(17, 0.5f, 0f, 0.4f), "where is my order 1001");

        assertThat(length(words, 0, embeddings.dimensions())).isCloseTo(0.5, within(1e-4));
        assertThat(length(words, embeddings.dimensions(), Integer.MAX_VALUE)).isCloseTo(0.8, within(1e-4));
        assertThat(length(chars, embeddings.dimensions(), Integer.MAX_VALUE)).isCloseTo(0.4, within(1e-4));
    }

    @Test
    void withoutCharacterNgramsAMessageHasOnlyItsWordGrams() {
        // Five words: five unigrams and six bigrams (with the sentence's start and end), barring hash collisions.
        SparseVector words = features(new TextFeatures.Settings(17, 1f, 1f, 0f), "where is my order 1001");
        SparseVector both = features(new TextFeatures.Settings(17, 1f, 1f, 0.4f), "where is my order 1001");

        assertThat(words.size() - embeddings.dimensions()).isEqualTo(11);
        assertThat(both.size() - embeddings.dimensions()).isGreaterThan(50);
    }

    @Test
    void negationScopeMarksAFewWordsAfterANegationWithinTheClause() {
        assertThat(TextFeatures.negationScoped("The engineer never showed up. Rang at 8, sorted by 9"))
                .containsExactly(
                        "the", "engineer", "never", "not_showed", "not_up", "rang", "at", "8", "sorted", "by", "9");
        assertThat(TextFeatures.negationScoped("didn't get a single reply from anyone at all"))
                .containsExactly("didn't", "not_get", "not_a", "not_single", "reply", "from", "anyone", "at", "all");
    }

    @Test
    void negationScopeChangesOnlyTheWordsOfANegatedMessage() {
        var scoped = new TextFeatures.Settings(17, 1f, 1f, 0f, true);
        var plain = new TextFeatures.Settings(17, 1f, 1f, 0f);

        assertThat(features(scoped, "my refund showed up overnight").indices())
                .isEqualTo(features(plain, "my refund showed up overnight").indices());
        assertThat(features(scoped, "my refund never showed up").indices())
                .isNotEqualTo(features(plain, "my refund never showed up").indices());
    }

    @Test
    void theWordAndCharacterWeightsAreStoredWithTheFeatures() throws Exception {
        TextFeatures fitted = TextFeatures.fit(embeddings, new TextFeatures.Settings(12, 1f, 1f, 0.4f, true), TEXTS);
        var bytes = new java.io.ByteArrayOutputStream();
        fitted.write(new java.io.DataOutputStream(bytes));

        TextFeatures read = TextFeatures.read(
                new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())), embeddings);

        for (String text : List.of(TEXTS.get(0), TEXTS.get(1), "I never got my refund")) {
            SparseVector expected = fitted.features(text);
            SparseVector actual = read.features(text);
            assertThat(actual.indices()).isEqualTo(expected.indices());
            assertThat(actual.values()).isEqualTo(expected.values());
        }
    }

    private static SparseVector features(TextFeatures.Settings settings, String text) {
        return TextFeatures.fit(embeddings, settings, TEXTS).features(text);
    }

    /** The Euclidean length of the features at indices in [from, to). */
    private static double length(SparseVector x, int from, int to) {
        double sum = 0;
        for (int i = 0; i < x.size(); i++) {
            if (x.indices()[i] >= from && x.indices()[i] < to) {
                sum += x.values()[i] * x.values()[i];
            }
        }
        return Math.sqrt(sum);
    }
}
