package dev.parley.knowledge.internal.extract;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

/**
 * A product a page describes (schema.org JSON-LD or microdata, or Open Graph); every field but {@code variants} may be
 * null. With several offers, {@code price} is the lowest ("from") price and {@code variants} lists each offer.
 *
 * @param availability the schema.org term without its namespace, e.g. {@code InStock}, {@code OutOfStock}
 */
public record Product(
        String name,
        String description,
        String sku,
        String brand,
        BigDecimal price,
        String currency,
        String availability,
        URI url,
        URI image,
        List<Variant> variants) {

    public Product {
        variants = List.copyOf(variants);
    }

    /** One offer or variant of a product, with whatever the page says about it (any field may be null). */
    public record Variant(String name, String sku, BigDecimal price, String currency, String availability) {}
}
