package dev.parley.knowledge.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlExtractorTests {

    static final URI PAGE = URI.create("https://Shop.Example.com/pages/shipping?utm_source=mail#returns");

    static final String HELP_CENTER = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
              <meta charset="utf-8">
              <title>Shipping &amp; Returns | Example Shop</title>
              <meta name="description" content="How we ship, and how to send things back.">
              <link rel="canonical" href="/pages/shipping-returns">
              <style>.x { color: red }</style>
              <script>window.dataLayer = [];</script>
            </head>
            <body class="template-page has-sidebar">
              <div id="cookie-banner" class="consent">We use cookies. <button>Accept all</button></div>
              <header class="site-header">
                <a href="/" class="logo">Example Shop</a>
                <nav><ul>
                  <li><a href="/collections/all">Shop</a></li>
                  <li><a href="/pages/about?utm_campaign=spring">About</a></li>
                  <li><a href="mailto:help@example.com">Email us</a></li>
                </ul></nav>
              </header>
              <div class="breadcrumbs"><a href="/">Home</a> / Help</div>
              <div class="page-width">
                <h1>Shipping &amp; Returns</h1>
                <p>We ship from our workshop in   Leeds.
                   Orders placed before 2pm leave the same day.</p>
                <h2>Shipping</h2>
                <p>Rates depend on where you are:</p>
                <ul>
                  <li>UK: <strong>free</strong> over £40</li>
                  <li>EU: £9.50</li>
                </ul>
                <table><tr><th>Service</th><th>Days</th></tr><tr><td>Standard</td><td>3-5</td></tr></table>
                <h3>Tracking</h3>
                <p>You get a tracking link by email.</p>
                <h2>Frequently asked questions</h2>
                <h3>Can I return a sale item?</h3>
                <p>Yes, within 30 days.</p>
                <p>Items must be unworn.</p>
                <h3>Do you ship to Norway?</h3>
                <p>Not yet.</p>
                <h2>Still stuck?</h2>
                <p>Write to us: <a href="mailto:help@example.com">help@example.com</a> or see the
                   <a href="/pages/contact#form">contact page</a> and <a href="https://ads.example.net/x" rel="sponsored nofollow">our partner</a>.</p>
                <form action="/contact"><input name="email"><button>Send</button></form>
              </div>
              <aside class="sidebar"><h3>Popular articles</h3><a href="/pages/sizes">Size guide</a></aside>
              <div class="newsletter-signup"><p>Get 10% off your first order!</p></div>
              <div class="social-share"><a href="https://twitter.com/share">Tweet</a></div>
              <footer><p>© 2024 Example Shop Ltd</p><a href="/policies/privacy">Privacy</a></footer>
            </body>
            </html>
            """;

    final HtmlExtractor extractor = new HtmlExtractor();

    @Test
    void readsTitleDescriptionLanguageAndCanonicalUrl() {
        ExtractedPage page = extractor.extract(HELP_CENTER, PAGE);

        assertThat(page.title()).isEqualTo("Shipping & Returns | Example Shop");
        assertThat(page.description()).isEqualTo("How we ship, and how to send things back.");
        assertThat(page.language()).isEqualTo("en-GB");
        assertThat(page.canonicalUrl()).isEqualTo(URI.create("https://shop.example.com/pages/shipping-returns"));
        assertThat(page.noindex()).isFalse();
        assertThat(page.nofollow()).isFalse();
    }

    @Test
    void fallsBackToTheNormalizedPageUrlWithoutACanonicalLink() {
        ExtractedPage page = extractor.extract("<title>Hi</title><p>Hello", PAGE);

        assertThat(page.canonicalUrl()).isEqualTo(URI.create("https://shop.example.com/pages/shipping"));
    }

    @Test
    void keepsTheMainTextAndLeavesOutMenusFootersAndBanners() {
        // when
        String text = extractor.extract(HELP_CENTER, PAGE).text();

        // then
        assertThat(text)
                .contains("We ship from our workshop in Leeds. Orders placed before 2pm leave the same day.")
                .contains("UK: free over £40\nEU: £9.50")
                .contains("Service | Days\nStandard | 3-5")
                .doesNotContain("cookies")
                .doesNotContain("Accept all")
                .doesNotContain("Home / Help")
                .doesNotContain("About")
                .doesNotContain("Popular articles")
                .doesNotContain("10% off")
                .doesNotContain("Tweet")
                .doesNotContain("©")
                .doesNotContain("Send")
                .doesNotContain("dataLayer")
                .doesNotContain("color: red");
    }

    @Test
    void splitsTheTextIntoSectionsUnderTheirHeadings() {
        List<Section> sections = extractor.extract(HELP_CENTER, PAGE).sections();

        assertThat(sections)
                .extracting(Section::headingPath)
                .containsExactly(
                        List.of("Shipping & Returns"),
                        List.of("Shipping & Returns", "Shipping"),
                        List.of("Shipping & Returns", "Shipping", "Tracking"),
                        List.of("Shipping & Returns", "Frequently asked questions", "Can I return a sale item?"),
                        List.of("Shipping & Returns", "Frequently asked questions", "Do you ship to Norway?"),
                        List.of("Shipping & Returns", "Still stuck?"));
        assertThat(sections.get(3).text()).isEqualTo("Yes, within 30 days.\nItems must be unworn.");
    }

    @Test
    void prefersTheMainElementWhenThereIsOne() {
        String html = """
                <body>
                  <div class="promo">Free shipping this week only</div>
                  <main><h1>Size guide</h1><p>Our sizes run small.</p></main>
                  <div>Unrelated widget text</div>
                </body>
                """;

        List<Section> sections = extractor.extract(html, PAGE).sections();

        assertThat(sections).containsExactly(new Section(List.of("Size guide"), "Our sizes run small."));
    }

    @Test
    void keepsAnArticlesOwnHeaderButNotTheSiteHeader() {
        String html = """
                <body>
                  <header><a href="/">Example Shop</a></header>
                  <article>
                    <header class="entry-header"><h1>Caring for linen</h1><p>By Ana, 3 May</p></header>
                    <p>Wash cold.</p>
                    <footer class="entry-footer">Tags: linen</footer>
                  </article>
                </body>
                """;

        ExtractedPage page = extractor.extract(html, PAGE);

        assertThat(page.sections())
                .containsExactly(new Section(List.of("Caring for linen"), "By Ana, 3 May\nWash cold."));
    }

    @Test
    void listsFollowableLinksAbsoluteNormalizedAndOnce() {
        // given: menus count for discovery, but mailto, sponsored nofollow links and fragments do not
        List<URI> links = extractor.extract(HELP_CENTER, PAGE).links();

        // then
        assertThat(links)
                .containsExactly(
                        URI.create("https://shop.example.com/"),
                        URI.create("https://shop.example.com/collections/all"),
                        URI.create("https://shop.example.com/pages/about"),
                        URI.create("https://shop.example.com/pages/contact"),
                        URI.create("https://shop.example.com/pages/sizes"),
                        URI.create("https://twitter.com/share"),
                        URI.create("https://shop.example.com/policies/privacy"));
    }

    @Test
    void resolvesLinksAgainstTheBaseElement() {
        String html = "<head><base href=\"https://cdn.example.com/store/\"></head><a href=\"mugs\">Mugs</a>";

        assertThat(extractor.extract(html, PAGE).links())
                .containsExactly(URI.create("https://cdn.example.com/store/mugs"));
    }

    @Test
    void readsNoindexAndNofollowFromMetaRobots() {
        String html = """
                <head><meta name="ROBOTS" content="NoIndex, nofollow"></head>
                <body><p>Order status</p><a href="/orders/1">Order 1</a></body>
                """;

        ExtractedPage page = extractor.extract(html, PAGE);

        assertThat(page.noindex()).isTrue();
        assertThat(page.nofollow()).isTrue();
        assertThat(page.links()).containsExactly(URI.create("https://shop.example.com/orders/1"));
    }

    @Test
    void readsMetaRobotsNoneAsBoth() {
        ExtractedPage page = extractor.extract("<meta name=robots content=none>", PAGE);

        assertThat(page.noindex()).isTrue();
        assertThat(page.nofollow()).isTrue();
    }

    @Test
    void decodesLatin1WhenTheContentTypeHeaderSaysSo() {
        // given
        String html = "<html lang=fr><title>Café</title><p>Crème brûlée à 5 €</p></html>";
        byte[] body = html.getBytes(Charset.forName("windows-1252"));

        // when
        ExtractedPage page = extractor.extract(body, "text/html; charset=ISO-8859-1", PAGE);

        // then: browsers read Latin-1 as windows-1252, which has the euro sign
        assertThat(page.title()).isEqualTo("Café");
        assertThat(page.text()).isEqualTo("Crème brûlée à 5 €");
    }

    @Test
    void decodesByTheMetaCharsetWhenTheHeaderHasNone() {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-15\">"
                + "<title>Größen</title></head><body><p>Maße</p></body></html>";
        byte[] body = html.getBytes(Charset.forName("ISO-8859-15"));

        ExtractedPage page = extractor.extract(body, "text/html", PAGE);

        assertThat(page.title()).isEqualTo("Größen");
        assertThat(page.text()).isEqualTo("Maße");
    }

    @Test
    void letsTheHeaderCharsetWinOverTheMetaCharset() {
        String html = "<meta charset=\"windows-1252\"><p>ñandú</p>";

        ExtractedPage page =
                extractor.extract(html.getBytes(StandardCharsets.UTF_8), "text/html;charset=\"utf-8\"", PAGE);

        assertThat(page.text()).isEqualTo("ñandú");
    }

    @Test
    void defaultsToUtf8AndIgnoresUnknownCharsets() {
        byte[] body = "<p>Zürich</p>".getBytes(StandardCharsets.UTF_8);

        assertThat(extractor.extract(body, null, PAGE).text()).isEqualTo("Zürich");
        assertThat(extractor.extract(body, "text/html; charset=klingon-8", PAGE).text())
                .isEqualTo("Zürich");
    }

    @Test
    void replacesBrokenUtf8BytesInsteadOfFailing() {
        // given: a truncated multi-byte sequence and a stray continuation byte
        byte[] start = "<title>Price list</title><p>Mug ".getBytes(StandardCharsets.UTF_8);
        byte[] broken = {(byte) 0xE2, (byte) 0x82, ' ', (byte) 0x80, ' ', (byte) 0xC3};
        byte[] end = " 12</p>".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + broken.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(broken, 0, body, start.length, broken.length);
        System.arraycopy(end, 0, body, start.length + broken.length, end.length);

        // when
        ExtractedPage page = extractor.extract(body, "text/html; charset=utf-8", PAGE);

        // then
        assertThat(page.title()).isEqualTo("Price list");
        assertThat(page.text()).startsWith("Mug \uFFFD").endsWith("12");
    }

    @Test
    void survivesEmptyAndAbsurdInput() {
        assertThatNoException().isThrownBy(() -> extractor.extract(new byte[0], "", PAGE));
        assertThatNoException().isThrownBy(() -> extractor.extract((byte[]) null, null, PAGE));
        assertThatNoException().isThrownBy(() -> extractor.extract("<<<>>><div><p></div></p></table>&&#;", PAGE));
        assertThatNoException().isThrownBy(() -> extractor.extract("<div>".repeat(5_000) + "deep", PAGE));
        assertThat(extractor.extract("", PAGE).sections()).isEmpty();
    }
}
