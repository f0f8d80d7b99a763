package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.model.Params;
import dev.parley.sdk.model.ProductSearchResult;

/** The connected store's catalogue. */
public final class Products extends Resource {
    public Products(HttpCore http) {
        super(http);
    }

    /** {@code query}, {@code filters} ({@code category}, {@code priceRange} {@code min}/{@code max}, {@code size}), {@code limit}. */
    public ProductSearchResult search(Params params, RequestOptions... options) {
        return post("/v1/products/search", params, ProductSearchResult::new, options);
    }
}
