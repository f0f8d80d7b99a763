package dev.parley.knowledge.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SitemapsTests {

    static final URI SITEMAP = URI.create("https://shop.example.com/sitemap.xml");

    @Test
    void readsPagesAndTheirLastModificationFromAUrlset() {
        // given
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
                  <url>
                    <loc>
                      https://shop.example.com/products/mug
                    </loc>
                    <lastmod>2024-05-01T10:15:00+02:00</lastmod>
                    <image:image><image:loc>https://cdn.example.com/mug.jpg</image:loc></image:image>
                  </url>
                  <url><loc>https://shop.example.com/help?topic=shipping&amp;utm_source=x</loc><lastmod>2024-03-09</lastmod></url>
                  <url><loc>https://shop.example.com/about</loc><lastmod>last tuesday</lastmod></url>
                  <url><loc>/relative/page</loc></url>
                  <url><loc>not a url</loc></url>
                  <url><loc>https://shop.example.com/products/mug</loc></url>
                </urlset>
                """;

        // when
        SitemapContent content = Sitemaps.parse(xml, SITEMAP);

        // then
        assertThat(content.pages())
                .containsExactly(
                        new SitemapEntry(
                                URI.create("https://shop.example.com/products/mug"),
                                Optional.of(Instant.parse("2024-05-01T08:15:00Z"))),
                        new SitemapEntry(
                                URI.create("https://shop.example.com/help?topic=shipping"),
                                Optional.of(Instant.parse("2024-03-09T00:00:00Z"))),
                        new SitemapEntry(URI.create("https://shop.example.com/about"), Optional.empty()));
        assertThat(content.childSitemaps()).isEmpty();
    }

    @Test
    void readsChildSitemapsFromAnIndex() {
        String xml = """
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>https://shop.example.com/sitemap_products_1.xml?from=1&amp;to=500</loc>
                    <lastmod>2024-05-01T10:15:00Z</lastmod></sitemap>
                  <sitemap><loc>https://shop.example.com/sitemap_pages_1.xml</loc></sitemap>
                </sitemapindex>
                """;

        SitemapContent content = Sitemaps.parse(xml, SITEMAP);

        assertThat(content.childSitemaps())
                .containsExactly(
                        URI.create("https://shop.example.com/sitemap_products_1.xml?from=1&to=500"),
                        URI.create("https://shop.example.com/sitemap_pages_1.xml"));
        assertThat(content.pages()).isEmpty();
    }

    @Test
    void readsPrefixedNamespacesAndUppercaseTags() {
        String xml = """
                <sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sm:url><sm:loc>https://shop.example.com/a</sm:loc><sm:lastmod>2024-01</sm:lastmod></sm:url>
                  <URL><LOC>https://shop.example.com/b</LOC></URL>
                </sm:urlset>
                """;

        SitemapContent content = Sitemaps.parse(xml, SITEMAP);

        assertThat(content.pages())
                .containsExactly(
                        new SitemapEntry(
                                URI.create("https://shop.example.com/a"),
                                Optional.of(Instant.parse("2024-01-01T00:00:00Z"))),
                        new SitemapEntry(URI.create("https://shop.example.com/b"), Optional.empty()));
    }

    @Test
    void readsPlainTextSitemapsOneUrlPerLine() {
        String text = "\uFEFFhttps://shop.example.com/a\r\n\n  https://shop.example.com/b  \n# comment\nftp://x/y\n";

        SitemapContent content = Sitemaps.parse(text, SITEMAP);

        assertThat(content.pages())
                .extracting(SitemapEntry::loc)
                .containsExactly(URI.create("https://shop.example.com/a"), URI.create("https://shop.example.com/b"));
    }

    @Test
    void neverExpandsExternalEntities() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <urlset><url><loc>https://shop.example.com/&xxe;</loc></url></urlset>
                """;

        SitemapContent content = Sitemaps.parse(xml, SITEMAP);

        assertThat(content.pages())
                .allSatisfy(page -> assertThat(page.loc().toString()).doesNotContain("root:"));
    }

    @Test
    void findsNothingInGarbage() {
        assertThat(Sitemaps.parse("<html><body><h1>Not found</h1></body></html>", SITEMAP))
                .isEqualTo(SitemapContent.empty());
        assertThat(Sitemaps.parse("<urlset><url><loc>https://shop.exa", SITEMAP).pages())
                .hasSizeLessThanOrEqualTo(1);
        assertThat(Sitemaps.parse("\u0000\u0001 binary junk \uFFFD", SITEMAP)).isEqualTo(SitemapContent.empty());
        assertThat(Sitemaps.parse("", SITEMAP)).isEqualTo(SitemapContent.empty());
        assertThat(Sitemaps.parse(null, SITEMAP)).isEqualTo(SitemapContent.empty());
    }
}
