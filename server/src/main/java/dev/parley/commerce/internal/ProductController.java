package dev.parley.commerce.internal;

import dev.parley.commerce.internal.StoreConnector.Product;
import dev.parley.commerce.internal.StoreConnector.ProductPage;
import dev.parley.commerce.internal.StoreConnector.ProductQuery;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Seed 004's product search: {@code POST /v1/products/search} over the connected store's catalogue. */
@RestController
class ProductController {

    static final int MAX_LIMIT = 100;

    private final StoreConnections connections;

    ProductController(StoreConnections connections) {
        this.connections = connections;
    }

    record PriceRange(BigDecimal min, BigDecimal max) {}

    record Filters(String category, PriceRange priceRange, String size) {}

    record SearchRequest(String query, Filters filters, Integer limit) {}

    record Price(String amount, String currency) {}

    record VariantView(String id, String sku, String size, String color, boolean available, int inventoryQuantity) {}

    record ProductView(
            String id,
            String title,
            String description,
            String category,
            Price price,
            List<String> images,
            List<VariantView> variants) {

        static ProductView of(Product p) {
            return new ProductView(
                    p.id(),
                    p.title(),
                    p.description(),
                    p.category(),
                    new Price(p.price().toPlainString(), p.currency()),
                    p.images(),
                    p.variants().stream()
                            .map(v ->
                                    new VariantView(v.id(), v.sku(), v.size(), v.color(), v.available(), v.inventory()))
                            .toList());
        }
    }

    record SearchResponse(List<ProductView> products, long totalCount, boolean hasMore) {}

    @PostMapping("/v1/products/search")
    @RequiresScope(Scope.KNOWLEDGE_READ)
    SearchResponse search(Caller caller, @RequestBody SearchRequest request) {
        Filters filters = request.filters() == null ? new Filters(null, null, null) : request.filters();
        PriceRange range = filters.priceRange() == null ? new PriceRange(null, null) : filters.priceRange();
        int limit = request.limit() == null ? 10 : request.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalidField("limit", "out_of_range");
        }
        if (range.min() != null && range.min().signum() < 0) {
            throw ApiException.invalidField("filters.price_range.min", "out_of_range");
        }
        if (range.max() != null && range.max().signum() < 0) {
            throw ApiException.invalidField("filters.price_range.max", "out_of_range");
        }
        if (range.min() != null && range.max() != null && range.min().compareTo(range.max()) > 0) {
            throw ApiException.invalidField("filters.price_range", "invalid_value");
        }
        if (request.query() != null && request.query().length() > 500) {
            throw ApiException.invalidField("query", "too_long");
        }
        StoreConnector store = connections
                .connector(caller.workspaceId(), caller.mode())
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, null, Map.of("resource", "store_connection")));
        ProductPage page = store.searchProducts(new ProductQuery(
                blank(request.query()),
                blank(filters.category()),
                range.min(),
                range.max(),
                blank(filters.size()),
                limit));
        return new SearchResponse(
                page.products().stream().map(ProductView::of).toList(), page.totalCount(), page.hasMore());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
