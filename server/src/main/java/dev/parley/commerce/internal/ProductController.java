package dev.parley.commerce.internal;

import dev.parley.commerce.internal.StoreConnector.Product;
import dev.parley.commerce.internal.StoreConnector.ProductPage;
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

/**
 * Seed 004's product search: {@code POST /v1/products/search} over the connected store's catalogue, by meaning
 * ({@link ProductSearch}, the engine the assistant's {@code search_products} uses). Attributes written in the query
 * ("black hoodies in size M under 80 dollars", "the cheapest tent") are read from it; explicit filters win over them.
 */
@RestController
class ProductController {

    static final int MAX_LIMIT = 100;

    private final ProductSearch search;

    ProductController(ProductSearch search) {
        this.search = search;
    }

    record PriceRange(BigDecimal min, BigDecimal max) {}

    /**
     * Seed 004's filters, with {@code min_price}/{@code max_price} as a flat spelling of {@code price_range} and a
     * {@code color} that must be in stock (in the {@code size}, when both are given).
     */
    record Filters(
            String category,
            PriceRange priceRange,
            String size,
            BigDecimal minPrice,
            BigDecimal maxPrice,
            String color) {}

    /** @param sort {@code relevance} (default, or as the query says: "cheapest"), {@code price_asc}, {@code price_desc} */
    record SearchRequest(String query, Filters filters, String sort, Integer limit) {}

    record Price(String amount, String currency) {}

    record VariantView(String id, String sku, String size, String color, boolean available, int inventoryQuantity) {}

    record ProductView(
            String id,
            String title,
            String description,
            String category,
            Price price,
            List<String> images,
            List<VariantView> variants,
            String url) {

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
                            .toList(),
                    p.url());
        }
    }

    record SearchResponse(List<ProductView> products, long totalCount, boolean hasMore) {}

    @PostMapping("/v1/products/search")
    @RequiresScope(Scope.KNOWLEDGE_READ)
    SearchResponse search(Caller caller, @RequestBody SearchRequest request) {
        Filters filters =
                request.filters() == null ? new Filters(null, null, null, null, null, null) : request.filters();
        PriceRange range = filters.priceRange() == null ? new PriceRange(null, null) : filters.priceRange();
        int limit = request.limit() == null ? 10 : request.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalidField("limit", "out_of_range");
        }
        nonNegative(range.min(), "filters.price_range.min");
        nonNegative(range.max(), "filters.price_range.max");
        nonNegative(filters.minPrice(), "filters.min_price");
        nonNegative(filters.maxPrice(), "filters.max_price");
        BigDecimal min = stricter(range.min(), filters.minPrice(), true);
        BigDecimal max = stricter(range.max(), filters.maxPrice(), false);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw ApiException.invalidField(
                    filters.priceRange() != null ? "filters.price_range" : "filters.min_price", "invalid_value");
        }
        if (request.query() != null && request.query().length() > 500) {
            throw ApiException.invalidField("query", "too_long");
        }
        ProductAsk.Sort sort = null;
        if (request.sort() != null) {
            sort = ProductAsk.Sort.of(request.sort());
            if (sort == null) {
                throw ApiException.invalidField("sort", "invalid_value");
            }
        }
        CatalogueIndex catalogue = search.catalogue(caller.workspaceId(), caller.mode())
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, null, Map.of("resource", "store_connection")));
        ProductAsk ask = ProductAsk.parse(blank(request.query()), catalogue.categories())
                .under(blank(filters.category()), blank(filters.color()), blank(filters.size()), min, max, sort);
        ProductPage page = search.search(catalogue, ask, limit);
        return new SearchResponse(
                page.products().stream().map(ProductView::of).toList(), page.totalCount(), page.hasMore());
    }

    private static void nonNegative(BigDecimal value, String field) {
        if (value != null && value.signum() < 0) {
            throw ApiException.invalidField(field, "out_of_range");
        }
    }

    /** Of two bounds given for one side of the range, the narrower. */
    private static BigDecimal stricter(BigDecimal a, BigDecimal b, boolean lower) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return lower ? a.max(b) : a.min(b);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
