package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTests {

    final Chunker chunker = new Chunker();

    @Test
    void keepsEachChunkUnderItsHeadingPath() {
        String markdown = """
                # Shipping

                We ship worldwide.

                ## Europe

                Orders to the EU arrive in 5 days.

                ### Customs

                Duties are prepaid.
                """;

        List<Chunker.Chunk> chunks = chunker.chunk("Shipping", markdown, "markdown", "article");

        assertThat(chunks)
                .extracting(Chunker.Chunk::heading)
                .containsExactly("Shipping", "Shipping > Europe", "Shipping > Europe > Customs");
        assertThat(chunks.get(2).text()).isEqualTo("Duties are prepaid.");
    }

    @Test
    void keepsAQuestionWithItsAnswer() {
        String faq = """
                Intro text about our policies.

                **Can I return sale items?**
                Sale items can be returned within 14 days.

                How long do refunds take?

                Refunds take 5-10 business days.
                """;

        List<Chunker.Chunk> chunks = chunker.chunk("FAQ", faq, "markdown", "article");

        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(1).text()).startsWith("Can I return sale items?").contains("14 days");
        assertThat(chunks.get(2).text()).startsWith("How long do refunds take?").contains("5-10 business days");
    }

    @Test
    void splitsLongTextAtSentencesBelowTheLimit() {
        String sentence = "This sentence talks about the warranty of our boots in some detail. ";
        String text = sentence.repeat(60);

        List<Chunker.Chunk> chunks = chunker.chunk("Warranty", text, "text", "article");

        assertThat(chunks.size()).isGreaterThan(3);
        assertThat(chunks).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(Chunker.MAX));
        assertThat(String.join(" ", chunks.stream().map(Chunker.Chunk::text).toList())
                        .replace(" ", ""))
                .isEqualTo(text.replace(" ", ""));
    }

    @Test
    void keepsAProductRecordWhole() {
        String product = "Trail Runner 2\n\nWaterproof.\n\nSizes 6-13.\n\nPrice $120.";

        assertThat(chunker.chunk("Trail Runner 2", product, "text", "product")).hasSize(1);
    }

    @Test
    void readsHtmlContentAsStructuredText() {
        String html = "<h2>Returns</h2><p>Within <b>30 days</b>.</p><ul><li>Unworn</li><li>With tags</li></ul>"
                + "<h2>Refunds</h2><p>To the original card.</p><script>alert(1)</script>";

        List<Chunker.Chunk> chunks = chunker.chunk("Policy", html, "html", "article");

        assertThat(chunks).extracting(Chunker.Chunk::heading).containsExactly("Returns", "Refunds");
        assertThat(chunks.getFirst().text())
                .contains("Within 30 days.")
                .contains("- Unworn")
                .contains("- With tags");
        assertThat(chunks.get(1).text()).doesNotContain("alert");
    }
}
