package dev.parley.knowledge.internal.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The {@code <meta>} tags of a page, looked up by {@code name} or (as Open Graph writes them) {@code property}. */
final class MetaTags {

    private MetaTags() {}

    /** The first non-blank {@code content} of a meta tag named {@code key}, case-insensitively; else null. */
    static String content(Document document, String key) {
        for (Element meta : document.select("meta[content]")) {
            if (key.equalsIgnoreCase(meta.attr("name").strip())
                    || key.equalsIgnoreCase(meta.attr("property").strip())) {
                String content = TextBlocks.clean(meta.attr("content"));
                if (content != null) {
                    return content;
                }
            }
        }
        return null;
    }
}
