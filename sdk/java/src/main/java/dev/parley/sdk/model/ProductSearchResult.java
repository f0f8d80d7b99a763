package dev.parley.sdk.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code products.search}. Any other field: {@link #get(String)}. */
public class ProductSearchResult extends JsonObject {
    public ProductSearchResult(Map<String, ?> values) {
        super(values);
    }

    /** {@code products}. */
    public List<Product> products() {
        List<Product> out = new ArrayList<>();
        for (JsonObject item : getObjects("products")) {
            out.add(new Product(item.asMap()));
        }
        return out;
    }

    /** {@code total_count}. */
    public Integer totalCount() {
        return getInt("total_count");
    }

    /** {@code has_more}. */
    public boolean hasMore() {
        return is("has_more");
    }
}
