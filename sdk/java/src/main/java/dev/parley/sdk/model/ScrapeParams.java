package dev.parley.sdk.model;

/** Seed 000's {@code scraping().start}: the site and how far to crawl (sent as {@code options}). Any other parameter: {@link #put(String, Object)}. */
public class ScrapeParams extends Params {
    /** {@code url}. */
    public ScrapeParams url(String url) {
        return set("url", url);
    }

    /** {@code max_pages}. */
    public ScrapeParams maxPages(Integer maxPages) {
        return set("maxPages", maxPages);
    }

    /** {@code follow_links}. */
    public ScrapeParams followLinks(Boolean followLinks) {
        return set("followLinks", followLinks);
    }

    /** {@code extract_products}. */
    public ScrapeParams extractProducts(Boolean extractProducts) {
        return set("extractProducts", extractProducts);
    }

    /** {@code extract_faqs}. */
    public ScrapeParams extractFaqs(Boolean extractFaqs) {
        return set("extractFaqs", extractFaqs);
    }
}
