package dev.parley.knowledge.internal.extract;

import java.net.URI;
import java.util.List;

/**
 * What one HTML page holds for the knowledge index.
 *
 * @param title the {@code <title>}, else {@code og:title}, else the first h1; null if none
 * @param canonicalUrl the {@code <link rel=canonical>}, else the page's own address, normalized
 * @param language the {@code <html lang>} (or {@code Content-Language} meta) as written; null if none
 * @param description the meta description, else {@code og:description}; null if none
 * @param sections the main text (menus, footers and banners left out), split at h1 to h4
 * @param faqs question and answer pairs, each question once
 * @param products the products the page describes
 * @param links every followable http(s) link on the page (menus included), normalized, each once, in page order;
 *     links marked {@code rel=nofollow} are left out, but a {@code nofollow} page still lists its links
 * @param noindex whether meta robots asks not to index the page
 * @param nofollow whether meta robots asks not to follow the page's links
 */
public record ExtractedPage(
        String title,
        URI canonicalUrl,
        String language,
        String description,
        List<Section> sections,
        List<Faq> faqs,
        List<Product> products,
        List<URI> links,
        boolean noindex,
        boolean nofollow) {

    public ExtractedPage {
        sections = List.copyOf(sections);
        faqs = List.copyOf(faqs);
        products = List.copyOf(products);
        links = List.copyOf(links);
    }

    /** The main text in one piece, sections separated by blank lines, headings left out. */
    public String text() {
        return String.join("\n\n", sections.stream().map(Section::text).toList());
    }
}
