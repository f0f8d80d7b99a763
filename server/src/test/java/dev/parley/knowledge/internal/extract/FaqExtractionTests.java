package dev.parley.knowledge.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaqExtractionTests {

    static final URI PAGE = URI.create("https://shop.example.com/pages/faq");

    final HtmlExtractor extractor = new HtmlExtractor();

    @Test
    void keepsFaqPairsFromJsonLdInsideAGraph() {
        // given: a Yoast-style graph whose FAQPage points at its questions by @id, answers holding HTML
        String html = """
                <html><head>
                <script type="application/ld+json">
                {
                  "@context": "https://schema.org",
                  "@graph": [
                    {"@type": "WebSite", "@id": "https://shop.example.com/#website", "name": "Example Shop"},
                    {"@type": ["WebPage", "FAQPage"], "@id": "https://shop.example.com/pages/faq",
                     "mainEntity": [{"@id": "#q1"}, {"@id": "#q2"}]},
                    {"@type": "Question", "@id": "#q1", "name": "How long does delivery take?",
                     "acceptedAnswer": {"@type": "Answer",
                       "text": "<p>Usually <strong>2&ndash;3 working days</strong>.</p><p>Longer at Christmas.</p>"}},
                    {"@type": "Question", "@id": "#q2", "name": "Can I change my order?",
                     "acceptedAnswer": {"@type": "Answer", "text": "Within an hour of ordering."}}
                  ]
                }
                </script>
                </head><body><p>See the answers below.</p></body></html>
                """;

        // when
        List<Faq> faqs = extractor.extract(html, PAGE).faqs();

        // then
        assertThat(faqs)
                .containsExactly(
                        new Faq("How long does delivery take?", "Usually 2–3 working days.\nLonger at Christmas."),
                        new Faq("Can I change my order?", "Within an hour of ordering."));
    }

    @Test
    void keepsFaqPairsFromJsonLdArraysWithInlineQuestions() {
        String html = """
                <script type="application/ld+json">
                [
                  {"@context": "https://schema.org", "@type": "Organization", "name": "Example Shop"},
                  {"@context": "https://schema.org", "@type": "FAQPage",
                   "mainEntity": {"@type": "Question", "name": "Do you gift wrap?",
                                  "acceptedAnswer": [{"@type": "Answer", "text": "Yes, for £3."}]}}
                ]
                </script>
                """;

        assertThat(extractor.extract(html, PAGE).faqs()).containsExactly(new Faq("Do you gift wrap?", "Yes, for £3."));
    }

    @Test
    void skipsMalformedJsonLdAndKeepsTheRest() {
        String html = """
                <script type="application/ld+json">{"@type": "FAQPage", "mainEntity": [ oops </script>
                <script type="application/ld+json">
                  {"@type": "FAQPage", "mainEntity": [{"@type": "Question", "name": "Is it lenient?",
                   "acceptedAnswer": {"text": "It reads raw
                newlines and trailing commas",},},],}
                </script>
                <script type="application/ld+json"></script>
                <script type="application/ld+json">"just a string"</script>
                """;

        assertThat(extractor.extract(html, PAGE).faqs())
                .containsExactly(new Faq("Is it lenient?", "It reads raw newlines and trailing commas"));
    }

    @Test
    void keepsFaqPairsFromMicrodata() {
        String html = """
                <div itemscope itemtype="https://schema.org/FAQPage">
                  <div itemscope itemprop="mainEntity" itemtype="https://schema.org/Question">
                    <h3 itemprop="name">What sizes do you stock?</h3>
                    <div itemscope itemprop="acceptedAnswer" itemtype="https://schema.org/Answer">
                      <div itemprop="text"><p>XS to XXL.</p><p>See the size guide.</p></div>
                    </div>
                  </div>
                  <div itemscope itemprop="mainEntity" itemtype="https://schema.org/Question">
                    <span itemprop="name">Are your dyes natural?</span>
                    <div itemscope itemprop="acceptedAnswer" itemtype="https://schema.org/Answer">
                      <meta itemprop="text" content="Yes, all plant based.">
                    </div>
                  </div>
                </div>
                """;

        assertThat(extractor.extract(html, PAGE).faqs())
                .containsExactly(
                        new Faq("What sizes do you stock?", "XS to XXL.\nSee the size guide."),
                        new Faq("Are your dyes natural?", "Yes, all plant based."));
    }

    @Test
    void keepsFaqPairsFromDetailsAndSummary() {
        String html = """
                <main>
                  <details><summary>Where are you based?</summary><p>Leeds, UK.</p></details>
                  <details open>
                    <summary>Returns</summary>
                    <ul><li>30 days</li><li>Free in the UK</li></ul>
                  </details>
                  <details><summary>Empty one?</summary></details>
                </main>
                """;

        assertThat(extractor.extract(html, PAGE).faqs())
                .containsExactly(
                        new Faq("Where are you based?", "Leeds, UK."), new Faq("Returns", "30 days\nFree in the UK"));
    }

    @Test
    void keepsFaqPairsFromDefinitionListsButNotSpecifications() {
        String html = """
                <main>
                  <dl class="faq-list">
                    <dt>Gift cards</dt><dd>They never expire.</dd>
                    <div><dt>Price match</dt><dd>We match UK retailers.</dd><dd>Show us the listing.</dd></div>
                  </dl>
                  <dl>
                    <dt>Do you ship abroad?</dt><dd>To the EU and the US.</dd>
                    <dt>Weight</dt><dd>2 kg</dd>
                  </dl>
                </main>
                """;

        assertThat(extractor.extract(html, PAGE).faqs())
                .containsExactly(
                        new Faq("Gift cards", "They never expire."),
                        new Faq("Price match", "We match UK retailers.\nShow us the listing."),
                        new Faq("Do you ship abroad?", "To the EU and the US."));
    }

    @Test
    void answersAQuestionHeadingWithWhatFollowsUpToTheNextHeadingAsHigh() {
        // given
        String html = """
                <main>
                  <h2>How do refunds work?</h2>
                  <p>We refund to the original payment method.</p>
                  <h3>Card payments</h3>
                  <p>3-5 days.</p>
                  <h2>Can I pay by invoice?</h2>
                  <div class="accordion-body"><p>Only for business accounts.</p></div>
                  <h1>About us?</h1>
                  <p>Not an FAQ: h1 is the page title.</p>
                </main>
                """;

        // when
        List<Faq> faqs = extractor.extract(html, PAGE).faqs();

        // then
        assertThat(faqs)
                .containsExactly(
                        new Faq(
                                "How do refunds work?",
                                "We refund to the original payment method.\nCard payments\n3-5 days."),
                        new Faq("Can I pay by invoice?", "Only for business accounts."));
    }

    @Test
    void keepsEachQuestionOnceTheMostStructuredSourceFirst() {
        // given: the same question as JSON-LD and as a visible heading
        String html = """
                <script type="application/ld+json">
                {"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question",
                  "name":"Do you ship to Ireland?","acceptedAnswer":{"@type":"Answer","text":"Yes, in 2 days."}}]}
                </script>
                <main><h3>Do you ship to  Ireland ?</h3><p>Yes, in 2 days (tracked).</p></main>
                """;

        // then
        assertThat(extractor.extract(html, PAGE).faqs())
                .containsExactly(new Faq("Do you ship to Ireland?", "Yes, in 2 days."));
    }

    @Test
    void findsTheFaqSectionOfTheHelpCenterPage() {
        List<Faq> faqs = extractor.extract(HtmlExtractorTests.HELP_CENTER, PAGE).faqs();

        assertThat(faqs)
                .contains(
                        new Faq("Can I return a sale item?", "Yes, within 30 days.\nItems must be unworn."),
                        new Faq("Do you ship to Norway?", "Not yet."));
    }
}
