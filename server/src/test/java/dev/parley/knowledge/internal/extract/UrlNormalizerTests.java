package dev.parley.knowledge.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UrlNormalizerTests {

    static final URI PAGE = URI.create("https://shop.example.com/help/shipping/index.html?lang=en");

    @Test
    void resolvesRelativeLinksAgainstThePage() {
        assertThat(normalize("returns.html"))
                .hasValue(URI.create("https://shop.example.com/help/shipping/returns.html"));
        assertThat(normalize("../faq")).hasValue(URI.create("https://shop.example.com/help/faq"));
        assertThat(normalize("/contact")).hasValue(URI.create("https://shop.example.com/contact"));
        assertThat(normalize("//cdn.example.com/a.pdf")).hasValue(URI.create("https://cdn.example.com/a.pdf"));
    }

    @Test
    void resolvesAQueryOnlyLinkAgainstThePagePathAsRfc3986Says() {
        assertThat(normalize("?page=2"))
                .hasValue(URI.create("https://shop.example.com/help/shipping/index.html?page=2"));
    }

    @Test
    void treatsAFragmentOnlyLinkAsThePageItself() {
        assertThat(normalize("#top")).hasValue(URI.create("https://shop.example.com/help/shipping/index.html?lang=en"));
    }

    @Test
    void rejectsLinksThatAreNotHttp() {
        assertThat(normalize("mailto:help@example.com")).isEmpty();
        assertThat(normalize("javascript:void(0)")).isEmpty();
        assertThat(normalize("JavaScript:alert(1)")).isEmpty();
        assertThat(normalize("tel:+15551234567")).isEmpty();
        assertThat(normalize("data:text/html;base64,PGgxPkhpPC9oMT4=")).isEmpty();
        assertThat(normalize("ftp://files.example.com/catalog.pdf")).isEmpty();
    }

    @Test
    void lowercasesSchemeAndHostAndDropsDefaultPortsAndFragments() {
        assertThat(UrlNormalizer.normalize(null, "HTTPS://Shop.Example.COM:443/Sale#top"))
                .hasValue(URI.create("https://shop.example.com/Sale"));
        assertThat(UrlNormalizer.normalize(null, "http://shop.example.com:80/"))
                .hasValue(URI.create("http://shop.example.com/"));
        assertThat(UrlNormalizer.normalize(null, "http://shop.example.com:8080/a"))
                .hasValue(URI.create("http://shop.example.com:8080/a"));
    }

    @Test
    void removesTrackingParametersAndKeepsTheOthersInOrder() {
        assertThat(UrlNormalizer.normalize(
                        null,
                        "https://shop.example.com/p?utm_source=mail&size=M&gclid=x&color=red&fbclid=y&UTM_Campaign=z"
                                + "&mc_cid=1&mc_eid=2&ref=home&_hsenc=a&_hsmi=b&page=2"))
                .hasValue(URI.create("https://shop.example.com/p?size=M&color=red&page=2"));
    }

    @Test
    void dropsTheQuestionMarkWhenOnlyTrackingParametersWereThere() {
        assertThat(UrlNormalizer.normalize(null, "https://shop.example.com/p?utm_source=newsletter"))
                .hasValue(URI.create("https://shop.example.com/p"));
    }

    @Test
    void collapsesDotSegmentsAndGivesAnEmptyPathASlash() {
        assertThat(UrlNormalizer.normalize(null, "https://shop.example.com/a/./b/../c/"))
                .hasValue(URI.create("https://shop.example.com/a/c/"));
        assertThat(UrlNormalizer.normalize(null, "https://shop.example.com"))
                .hasValue(URI.create("https://shop.example.com/"));
        assertThat(UrlNormalizer.normalize(null, "https://shop.example.com?q=1"))
                .hasValue(URI.create("https://shop.example.com/?q=1"));
    }

    @Test
    void escapesSpacesAndNonAsciiCharactersThatPagesPutInLinks() {
        assertThat(normalize(" /sale items/crème brûlée "))
                .hasValue(URI.create("https://shop.example.com/sale%20items/cr%C3%A8me%20br%C3%BBl%C3%A9e"));
    }

    @Test
    void answersEmptyForInvalidInputInsteadOfThrowing() {
        assertThat(UrlNormalizer.normalize(null, null)).isEmpty();
        assertThat(UrlNormalizer.normalize(null, "")).isEmpty();
        assertThat(UrlNormalizer.normalize(null, "/relative/without/base")).isEmpty();
        assertThat(UrlNormalizer.normalize(null, "http://")).isEmpty();
        assertThat(UrlNormalizer.normalize(null, "https://exa mple.com/")).isEmpty();
        assertThat(UrlNormalizer.normalize(null, "http://[::1/")).isEmpty();
        assertThat(UrlNormalizer.normalize(URI.create("mailto:a@b.c"), "page")).isEmpty();
    }

    @Test
    void countsTheWwwHostAsTheSameSite() {
        assertThat(UrlNormalizer.sameSite(URI.create("https://www.example.com/a"), URI.create("http://example.com/b")))
                .isTrue();
        assertThat(UrlNormalizer.sameSite(URI.create("https://Example.com/"), URI.create("https://example.com/")))
                .isTrue();
        assertThat(UrlNormalizer.sameSite(URI.create("https://shop.example.com/"), URI.create("https://example.com/")))
                .isFalse();
        assertThat(UrlNormalizer.sameSite(URI.create("https://example.com/"), URI.create("mailto:a@example.com")))
                .isFalse();
        assertThat(UrlNormalizer.sameSite(null, URI.create("https://example.com/")))
                .isFalse();
    }

    private static Optional<URI> normalize(String href) {
        return UrlNormalizer.normalize(PAGE, href);
    }
}
