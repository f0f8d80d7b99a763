package dev.parley.knowledge.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RobotsTxtTests {

    static final String BOT = "ParleyBot/1.0 (+https://parley.dev/bot)";

    @Test
    void letsTheLongestMatchingRuleDecide() {
        // given: RFC 9309 section 2.2.2
        RobotsTxt robots = RobotsTxt.parse("""
                User-Agent: *
                Disallow: /example/page/
                Disallow: /example/page/disallowed.gif
                Allow: /example/page/
                Allow: /example/
                Disallow: /
                """);

        // then
        assertThat(robots.allows(BOT, "/example/page/")).isTrue();
        assertThat(robots.allows(BOT, "/example/page/disallowed.gif")).isFalse();
        assertThat(robots.allows(BOT, "/example/other")).isTrue();
        assertThat(robots.allows(BOT, "/elsewhere")).isFalse();
    }

    @Test
    void letsAllowWinATie() {
        RobotsTxt robots = RobotsTxt.parse("""
                user-agent: *
                disallow: /shop
                allow: /shop
                """);

        assertThat(robots.allows(BOT, "/shop/cart")).isTrue();
    }

    @Test
    void matchesWildcardsAndEndAnchors() {
        // given: RFC 9309 section 2.2.3
        RobotsTxt robots = RobotsTxt.parse("""
                User-agent: *
                Disallow: /*.gif$
                Disallow: /private*/
                Disallow: /search?q=*&sort=
                Allow: /publications/
                Disallow: /*.pdf
                """);

        // then
        assertThat(robots.allows(BOT, "/img/logo.gif")).isFalse();
        assertThat(robots.allows(BOT, "/img/logo.gif?v=2")).isTrue();
        assertThat(robots.allows(BOT, "/private-files/a")).isFalse();
        assertThat(robots.allows(BOT, "/privatefiles")).isTrue();
        assertThat(robots.allows(BOT, "/search?q=mug&sort=price")).isFalse();
        assertThat(robots.allows(BOT, "/search?q=mug")).isTrue();
        assertThat(robots.allows(BOT, "/catalog.pdf")).isFalse();
        assertThat(robots.allows(BOT, "/publications/catalog.pdf")).isTrue();
    }

    @Test
    void picksTheGroupNamingTheCrawlerOverTheWildcardGroup() {
        // given
        RobotsTxt robots = RobotsTxt.parse("""
                User-agent: *
                Disallow: /

                User-agent: parleybot
                User-agent: otherbot
                Disallow: /checkout

                User-agent: ParleyBot-Images
                Disallow: /
                """);

        // then
        assertThat(robots.allows(BOT, "/help")).isTrue();
        assertThat(robots.allows(BOT, "/checkout")).isFalse();
        assertThat(robots.allows("SomeOtherCrawler/2.0", "/help")).isFalse();
        assertThat(robots.allows("ParleyBot-Images/1.0", "/help")).isFalse();
    }

    @Test
    void fallsBackToTheLongestAgentPrefixBeforeTheWildcard() {
        RobotsTxt robots = RobotsTxt.parse("""
                User-agent: *
                Disallow: /

                User-agent: parleybot
                Allow: /
                """);

        assertThat(robots.allows("ParleyBot-News/1.0", "/blog")).isTrue();
    }

    @Test
    void combinesGroupsThatNameTheSameAgent() {
        RobotsTxt robots = RobotsTxt.parse("""
                user-agent: parleybot
                disallow: /a

                user-agent: *
                disallow: /b

                user-agent: ParleyBot
                disallow: /c
                """);

        assertThat(robots.allows(BOT, "/a")).isFalse();
        assertThat(robots.allows(BOT, "/b")).isTrue();
        assertThat(robots.allows(BOT, "/c")).isFalse();
    }

    @Test
    void allowsEverythingWhenNoGroupMatchesOrDisallowIsEmpty() {
        assertThat(RobotsTxt.parse("User-agent: otherbot\nDisallow: /\n").allows(BOT, "/anything"))
                .isTrue();
        assertThat(RobotsTxt.parse("User-agent: *\nDisallow:\n").allows(BOT, "/anything"))
                .isTrue();
        assertThat(RobotsTxt.parse("").allows(BOT, "/")).isTrue();
    }

    @Test
    void alwaysAllowsRobotsTxtItself() {
        assertThat(RobotsTxt.disallowAll().allows(BOT, "/robots.txt")).isTrue();
        assertThat(RobotsTxt.disallowAll().allows(BOT, "/")).isFalse();
        assertThat(RobotsTxt.allowAll().allows(BOT, "/admin")).isTrue();
    }

    @Test
    void comparesPathsPercentEncoded() {
        RobotsTxt robots = RobotsTxt.parse("""
                User-agent: *
                Disallow: /foo/bar/ツ
                Disallow: /café%2fmenu
                """);

        assertThat(robots.allows(BOT, "/foo/bar/%E3%83%84")).isFalse();
        assertThat(robots.allows(BOT, "/foo/bar/ツ")).isFalse();
        assertThat(robots.allows(BOT, "/caf%C3%A9%2Fmenu")).isFalse();
    }

    @Test
    void ignoresCommentsUnknownLinesAndRulesBeforeAnyGroup() {
        RobotsTxt robots = RobotsTxt.parse("""
                # Welcome, robots
                Disallow: /orphan
                Noindex: /whatever
                User-agent: * # everyone
                Disallow: /cart # no carts
                garbage line without colon
                """);

        assertThat(robots.allows(BOT, "/orphan")).isTrue();
        assertThat(robots.allows(BOT, "/cart")).isFalse();
        assertThat(robots.allows(BOT, "/cart?id=1")).isFalse();
    }

    @Test
    void readsFullUrlsForTheirPathAndQuery() {
        RobotsTxt robots = RobotsTxt.parse("User-agent: *\nDisallow: /cart?\n");

        assertThat(robots.allows(BOT, "https://shop.example.com/cart?id=1")).isFalse();
        assertThat(robots.allows(BOT, "https://shop.example.com/cart")).isTrue();
        assertThat(robots.allows(BOT, "")).isTrue();
    }

    @Test
    void readsTheCrawlDelayOfTheMatchingGroup() {
        RobotsTxt robots = RobotsTxt.parse("""
                User-agent: *
                Crawl-delay: 10

                User-agent: parleybot
                Crawl-delay: 0.5
                Disallow: /tmp

                User-agent: slowbot
                Crawl-delay: soon
                """);

        assertThat(robots.crawlDelay(BOT)).hasValue(Duration.ofMillis(500));
        assertThat(robots.crawlDelay("AnyBot")).hasValue(Duration.ofSeconds(10));
        assertThat(robots.crawlDelay("SlowBot")).isEmpty();
        assertThat(RobotsTxt.allowAll().crawlDelay(BOT)).isEmpty();
    }

    @Test
    void clampsAbsurdCrawlDelaysToADay() {
        assertThat(RobotsTxt.parse("User-agent: *\nCrawl-delay: 1E+999999999\n").crawlDelay(BOT))
                .hasValue(Duration.ofDays(1));
    }

    @Test
    void collectsSitemapsWhereverTheyAppear() {
        RobotsTxt robots = RobotsTxt.parse("""
                Sitemap: https://shop.example.com/sitemap.xml
                User-agent: *
                Disallow: /cart
                Sitemap: https://shop.example.com/sitemap-products.xml
                Sitemap: /relative-sitemap.xml
                Sitemap: https://shop.example.com/sitemap.xml
                """);

        assertThat(robots.sitemaps())
                .containsExactly(
                        URI.create("https://shop.example.com/sitemap.xml"),
                        URI.create("https://shop.example.com/sitemap-products.xml"));
        assertThat(robots.allows(BOT, "/cart")).isFalse();
    }

    @Test
    void handlesWindowsLineEndingsAndOddCase() {
        RobotsTxt robots = RobotsTxt.parse("USER-AGENT: *\r\nDISALLOW: /Private\r\n");

        assertThat(robots.allows(BOT, "/Private/x")).isFalse();
        assertThat(robots.allows(BOT, "/private/x")).isTrue();
    }

    @Test
    void staysFastOnPathologicalWildcards() {
        RobotsTxt robots = RobotsTxt.parse("User-agent: *\nDisallow: /" + "*a".repeat(200) + "b\n");

        assertThat(robots.allows(BOT, "/" + "a".repeat(5000))).isTrue();
    }
}
