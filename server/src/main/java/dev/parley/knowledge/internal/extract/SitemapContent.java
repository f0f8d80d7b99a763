package dev.parley.knowledge.internal.extract;

import java.net.URI;
import java.util.List;

/** What one sitemap file lists: pages (from a {@code <urlset>} or a text sitemap) and further sitemaps (from a
 * {@code <sitemapindex>}). */
public record SitemapContent(List<SitemapEntry> pages, List<URI> childSitemaps) {

    public SitemapContent {
        pages = List.copyOf(pages);
        childSitemaps = List.copyOf(childSitemaps);
    }

    /** Nothing usable. */
    public static SitemapContent empty() {
        return new SitemapContent(List.of(), List.of());
    }
}
