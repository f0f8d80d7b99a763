package dev.parley.knowledge.internal.extract;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds a page's main content and strips what every page of the site repeats: menus, headers, footers, sidebars,
 * cookie banners, share buttons. Works on the document in place, so run it after everything that needs the whole page.
 */
final class MainContent {

    private static final Set<String> NEVER_CONTENT = Set.of(
            "script",
            "style",
            "noscript",
            "template",
            "svg",
            "iframe",
            "nav",
            "aside",
            "footer",
            "object",
            "embed",
            "canvas",
            "select");
    private static final Set<String> CHROME_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary");
    private static final Set<String> BOILERPLATE_WORDS = Set.of(
            "nav",
            "navbar",
            "navigation",
            "menu",
            "menus",
            "footer",
            "sidebar",
            "breadcrumb",
            "breadcrumbs",
            "cookie",
            "cookies",
            "consent",
            "banner",
            "newsletter",
            "share",
            "sharing",
            "social",
            "related",
            "comment",
            "comments");
    // Compounds such as "cookiebot", "footerlinks" or "newslettersignup"; only words unlikely to start real content.
    private static final Set<String> BOILERPLATE_PREFIXES = Set.of(
            "navbar", "navigation", "cookie", "consent", "breadcrumb", "newsletter", "sidebar", "footer", "gdpr");
    private static final Pattern CAMEL_CASE = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern TOKEN_SEPARATOR = Pattern.compile("[^a-z0-9]+");
    private static final String CONTENT_ROOTS = "main, [role=main], article";

    private MainContent() {}

    /** The element holding the page's main content, with the boilerplate inside it removed. */
    static Element extract(Document document) {
        Element root = root(document);
        NodeTraversor.filter(
                (node, depth) -> node != root && node instanceof Element element && isBoilerplate(element)
                        ? NodeFilter.FilterResult.REMOVE
                        : NodeFilter.FilterResult.CONTINUE,
                root);
        return root;
    }

    private static Element root(Document document) {
        Element main = document.selectFirst("main:not([hidden])");
        if (main == null) {
            main = document.selectFirst("[role=main]");
        }
        if (main == null) {
            Elements articles = document.select("article");
            // Several articles make a listing (a blog index, search results): the body is the content then.
            main = articles.size() == 1 ? articles.first() : null;
        }
        return main != null ? main : document.body();
    }

    private static boolean isBoilerplate(Element element) {
        String name = element.normalName();
        if (NEVER_CONTENT.contains(name)) {
            return true;
        }
        // A header inside an article or main is that article's heading, not the site's banner (HTML's own semantics).
        boolean insideContent = element.parent().closest(CONTENT_ROOTS) != null;
        if (name.equals("header")) {
            return !insideContent;
        }
        if (name.equals("form")) {
            // ASP.NET pages wrap everything in one form.
            return !holdsContent(element);
        }
        String role = element.attr("role").strip().toLowerCase(Locale.ROOT);
        if (CHROME_ROLES.contains(role)) {
            return true;
        }
        return signalsBoilerplate(element.id() + " " + element.className(), insideContent) && !holdsContent(element);
    }

    /** Holds the page's title or main content, so a loose class name (a "page-header", a "with-sidebar") spares it. */
    private static boolean holdsContent(Element element) {
        return element.selectFirst("h1, " + CONTENT_ROOTS) != null;
    }

    static boolean signalsBoilerplate(String idAndClasses, boolean insideContent) {
        String words = CAMEL_CASE.matcher(idAndClasses).replaceAll(" ").toLowerCase(Locale.ROOT);
        for (String token : TOKEN_SEPARATOR.split(words)) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.startsWith("header")) {
                if (!insideContent) {
                    return true;
                }
            } else if (BOILERPLATE_WORDS.contains(token)
                    || BOILERPLATE_PREFIXES.stream().anyMatch(token::startsWith)) {
                return true;
            }
        }
        return false;
    }
}
