package dev.parley.knowledge.internal.extract;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads sitemaps (sitemaps.org): {@code <urlset>} and {@code <sitemapindex>} XML with or without namespace prefixes,
 * and plain-text sitemaps with one URL per line. Only absolute http(s) addresses are kept; nothing throws.
 */
public final class Sitemaps {

    private static final List<Function<String, Instant>> DATE_FORMS = List.of(
            text -> OffsetDateTime.parse(text).toInstant(),
            text -> LocalDateTime.parse(text).toInstant(ZoneOffset.UTC),
            text -> LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant(),
            text -> YearMonth.parse(text).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
            text -> Year.parse(text).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());

    private Sitemaps() {}

    /**
     * Parses one (already decompressed) sitemap fetched from {@code sitemapUrl}. Addresses are normalized with
     * {@link UrlNormalizer}; whether they are on the sitemap's own site is left to the caller.
     */
    public static SitemapContent parse(String xml, URI sitemapUrl) {
        if (xml == null) {
            return SitemapContent.empty();
        }
        String text = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
        if (text.isBlank()) {
            return SitemapContent.empty();
        }
        return text.stripLeading().startsWith("<") ? parseXml(text, sitemapUrl) : parseText(text, sitemapUrl);
    }

    // jsoup's XML parser does not read DTDs, so external entities (XXE) are never fetched or expanded.
    private static SitemapContent parseXml(String xml, URI sitemapUrl) {
        Document document = Jsoup.parse(xml, sitemapUrl == null ? "" : sitemapUrl.toString(), Parser.xmlParser());
        Map<URI, SitemapEntry> pages = new LinkedHashMap<>();
        Set<URI> children = new LinkedHashSet<>();
        for (Element element : document.getAllElements()) {
            switch (localName(element)) {
                case "url" ->
                    child(element, "loc")
                            .flatMap(loc -> absolute(loc, sitemapUrl))
                            .ifPresent(loc -> pages.putIfAbsent(
                                    loc,
                                    new SitemapEntry(
                                            loc, child(element, "lastmod").flatMap(Sitemaps::instant))));
                case "sitemap" ->
                    child(element, "loc")
                            .flatMap(loc -> absolute(loc, sitemapUrl))
                            .ifPresent(children::add);
                default -> {}
            }
        }
        return new SitemapContent(List.copyOf(pages.values()), List.copyOf(children));
    }

    private static SitemapContent parseText(String text, URI sitemapUrl) {
        Map<URI, SitemapEntry> pages = new LinkedHashMap<>();
        text.lines()
                .map(String::strip)
                .map(line -> absolute(line, sitemapUrl))
                .flatMap(Optional::stream)
                .forEach(loc -> pages.putIfAbsent(loc, new SitemapEntry(loc, Optional.empty())));
        return new SitemapContent(List.copyOf(pages.values()), List.of());
    }

    /** The text of a direct child, so an {@code <image:loc>} inside {@code <image:image>} is not taken for the page. */
    private static Optional<String> child(Element parent, String name) {
        return parent.children().stream()
                .filter(child -> localName(child).equals(name))
                .map(child -> child.text().strip())
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    private static String localName(Element element) {
        String tag = element.tagName();
        return tag.substring(tag.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    }

    /** The protocol requires fully qualified addresses; relative ones are skipped, not guessed at. */
    private static Optional<URI> absolute(String loc, URI sitemapUrl) {
        String lower = loc.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return Optional.empty();
        }
        return UrlNormalizer.normalize(sitemapUrl, loc);
    }

    /** W3C Datetime, as the protocol asks: from a year alone to a full timestamp; a time without a zone is UTC. */
    static Optional<Instant> instant(String value) {
        String text = value.strip();
        for (Function<String, Instant> form : DATE_FORMS) {
            try {
                return Optional.of(form.apply(text));
            } catch (DateTimeParseException e) {
                // not this form; try the next, shorter one
            }
        }
        return Optional.empty();
    }
}
