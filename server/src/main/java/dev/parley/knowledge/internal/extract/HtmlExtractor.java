package dev.parley.knowledge.internal.extract;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns a fetched HTML page into what the knowledge index needs: its main text by section, FAQs, products, links and
 * robots directives. Stateless and thread-safe; never throws on malformed markup, JSON-LD or bytes.
 */
public final class HtmlExtractor {

    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([^\"';\\s]+)");
    private static final Pattern META_CHARSET =
            Pattern.compile("(?i)<meta[^>]+?charset\\s*=\\s*[\"']?\\s*([a-z0-9_:.\\-]+)");
    // Browsers (and the WHATWG Encoding standard) read pages labelled Latin-1 or ASCII as windows-1252.
    private static final Set<String> WINDOWS_1252_LABELS =
            Set.of("iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "cp1252", "windows-1252");
    private static final int META_PRESCAN_BYTES = 4096;

    /**
     * Extracts a page from its raw bytes. The charset is the {@code Content-Type} header's, else the page's
     * {@code <meta charset>} (or {@code http-equiv}), else UTF-8; bytes invalid in it become U+FFFD.
     *
     * @param contentTypeHeader the response's {@code Content-Type}, or null
     * @param pageUrl the address the page was fetched from (after redirects), to resolve links against
     */
    public ExtractedPage extract(byte[] body, String contentTypeHeader, URI pageUrl) {
        byte[] bytes = body == null ? new byte[0] : body;
        return extract(decode(bytes, contentTypeHeader), pageUrl);
    }

    /** Extracts a page already decoded to text. */
    public ExtractedPage extract(String html, URI pageUrl) {
        Objects.requireNonNull(pageUrl, "pageUrl");
        Document document = Jsoup.parse(html == null ? "" : html, pageUrl.toString());
        URI page = UrlNormalizer.normalize(pageUrl, pageUrl.toString()).orElse(pageUrl);
        URI base = base(document, page);
        Set<String> robots = robots(document);

        // Structured data and links first: they may sit in what MainContent then removes.
        JsonLd jsonLd = JsonLd.of(document);
        List<Product> products = ProductExtractor.extract(jsonLd, document, base);
        FaqExtractor faqs = new FaqExtractor();
        faqs.fromStructuredData(jsonLd, document);
        List<URI> links = links(document, base);
        String title = title(document);
        String description =
                firstNonNull(MetaTags.content(document, "description"), MetaTags.content(document, "og:description"));

        Element main = MainContent.extract(document);
        List<TextBlocks.Block> blocks = TextBlocks.structured(main);
        faqs.fromContent(main, blocks);

        return new ExtractedPage(
                title,
                canonical(document, page),
                language(document),
                description,
                TextBlocks.sections(blocks),
                faqs.faqs(),
                products,
                links,
                robots.contains("noindex") || robots.contains("none"),
                robots.contains("nofollow") || robots.contains("none"));
    }

    static String decode(byte[] bytes, String contentTypeHeader) {
        Charset charset = bomCharset(bytes)
                .or(() -> charset(contentTypeHeader, HEADER_CHARSET))
                .or(() -> metaCharset(bytes))
                .orElse(StandardCharsets.UTF_8);
        String text = new String(bytes, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Optional<Charset> bomCharset(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    private static Optional<Charset> metaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, META_PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        return charset(head, META_CHARSET)
                // A page whose meta tag could be read this way is not UTF-16, whatever the tag says.
                .map(charset -> charset.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : charset);
    }

    private static Optional<Charset> charset(String text, Pattern pattern) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String label = matcher.group(1).strip().toLowerCase(Locale.ROOT);
        if (WINDOWS_1252_LABELS.contains(label)) {
            label = "windows-1252";
        }
        try {
            return Charset.isSupported(label) ? Optional.of(Charset.forName(label)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static URI base(Document document, URI page) {
        Element base = document.selectFirst("base[href]");
        if (base == null) {
            return page;
        }
        return UrlNormalizer.normalize(page, base.attr("href")).orElse(page);
    }

    private static Set<String> robots(Document document) {
        Set<String> directives = new LinkedHashSet<>();
        for (Element meta : document.select("meta[name][content]")) {
            if (meta.attr("name").strip().equalsIgnoreCase("robots")) {
                Arrays.stream(meta.attr("content").toLowerCase(Locale.ROOT).split("[,\\s]+"))
                        .filter(directive -> !directive.isEmpty())
                        .forEach(directives::add);
            }
        }
        return directives;
    }

    private static List<URI> links(Document document, URI base) {
        Set<URI> links = new LinkedHashSet<>();
        for (Element link : document.select("a[href], area[href]")) {
            boolean nofollow = Arrays.asList(
                            link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"))
                    .contains("nofollow");
            if (!nofollow) {
                UrlNormalizer.normalize(base, link.attr("href")).ifPresent(links::add);
            }
        }
        return new ArrayList<>(links);
    }

    private static String title(Document document) {
        Element h1 = document.selectFirst("h1");
        return firstNonNull(
                TextBlocks.clean(document.title()),
                MetaTags.content(document, "og:title"),
                h1 == null ? null : TextBlocks.clean(h1.text()));
    }

    private static URI canonical(Document document, URI page) {
        for (Element link : document.select("link[rel][href]")) {
            if (Arrays.asList(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"))
                    .contains("canonical")) {
                Optional<URI> canonical = UrlNormalizer.normalize(page, link.attr("href"));
                if (canonical.isPresent()) {
                    return canonical.get();
                }
            }
        }
        return page;
    }

    private static String language(Document document) {
        Element html = document.selectFirst("html");
        String lang = html == null ? null : TextBlocks.clean(html.attr("lang"));
        if (lang != null) {
            return lang;
        }
        for (Element meta : document.select("meta[http-equiv][content]")) {
            if (meta.attr("http-equiv").strip().equalsIgnoreCase("content-language")) {
                return TextBlocks.clean(meta.attr("content"));
            }
        }
        return null;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
