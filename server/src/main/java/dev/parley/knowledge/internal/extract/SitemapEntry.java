package dev.parley.knowledge.internal.extract;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** A page a sitemap lists, with its {@code <lastmod>} when the sitemap gives a readable one. */
public record SitemapEntry(URI loc, Optional<Instant> lastModified) {}
