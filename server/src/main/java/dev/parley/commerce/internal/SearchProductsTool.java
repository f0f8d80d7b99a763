package dev.parley.commerce.internal;

import dev.parley.assistant.ToolArguments;
import dev.parley.assistant.ToolInvocation;
import dev.parley.assistant.ToolName;
import dev.parley.assistant.ToolOutcome;
import dev.parley.assistant.ToolSchema;
import dev.parley.assistant.ToolSchema.Property;
import dev.parley.commerce.internal.StoreConnector.Product;
import dev.parley.commerce.internal.StoreConnector.ProductPage;
import dev.parley.commerce.internal.StoreConnector.Variant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Searches the connected store's catalogue by meaning (seed 004's {@code search_products}), with the engine of
 * {@code POST /v1/products/search} ({@link ProductSearch}). What to look for is the {@code query} argument, or the
 * customer's message; size, colour, price bounds and "cheapest" are read from it unless given as arguments. The
 * answer names up to three products: price, whether the asked size (and colour) is in stock, and a link.
 */
@Component
class SearchProductsTool extends StoreTool {

    static final int SHOWN = 3;

    private final ProductSearch search;

    SearchProductsTool(StoreConnections connections, ProductSearch search) {
        super(
                connections,
                ToolName.SEARCH_PRODUCTS,
                "Search the store's products by what the customer describes (meaning, not exact words), with"
                        + " category, price range, colour and size in stock.",
                schema());
        this.search = search;
    }

    @Override
    public boolean needsCustomerYes() {
        return false;
    }

    @Override
    public ToolOutcome execute(ToolInvocation invocation) {
        Optional<CatalogueIndex> catalogue;
        try {
            catalogue = search.catalogue(invocation.workspaceId(), invocation.mode());
        } catch (StoreUnavailableException e) {
            return OrderAccess.unreachable();
        }
        if (catalogue.isEmpty()) {
            return new ToolOutcome.Refused("no_store_connected", null, Map.of(), false);
        }
        ProductAsk ask = ask(invocation, catalogue.get());
        int limit = invocation
                .arguments()
                .number("limit")
                .map(n -> Math.max(1, Math.min(20, n.intValue())))
                .orElse(SHOWN);
        ProductPage page = search.search(catalogue.get(), ask, limit);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("query", ask.text());
        put(details, "category", ask.category());
        put(details, "size", ask.size());
        put(details, "color", ask.color());
        put(details, "min_price", ask.minPrice());
        put(details, "max_price", ask.maxPrice());
        details.put("sort", ask.sort().wire());
        details.put("total_count", page.totalCount());
        details.put(
                "products",
                page.products().stream()
                        .map(p -> {
                            Map<String, Object> shown = new LinkedHashMap<>();
                            shown.put("id", p.id());
                            shown.put("title", p.title());
                            shown.put("price", p.price().toPlainString());
                            put(shown, "url", p.url());
                            return shown;
                        })
                        .toList());
        return new ToolOutcome.Done("products_searched", answer(page, ask), details, List.of(), Map.of());
    }

    /**
     * The ask: the {@code query} argument read for attributes, explicit arguments over it, and what the customer's
     * message says filling in what neither gave (a model or the plan may pass only the product words).
     */
    static ProductAsk ask(ToolInvocation invocation, CatalogueIndex catalogue) {
        ToolArguments a = invocation.arguments();
        ProductAsk fromMessage = ProductAsk.parse(invocation.message(), catalogue.categories());
        ProductAsk fromQuery = a.text("query")
                .filter(q -> !q.isBlank())
                .map(q -> ProductAsk.parse(q, catalogue.categories()))
                .orElse(fromMessage);
        ProductAsk.Sort sort = a.text("sort").map(ProductAsk.Sort::of).orElse(null);
        return fromQuery
                .under(
                        string(a.get("category")),
                        string(a.get("color")),
                        string(a.get("size")),
                        decimal(a.get("min_price")),
                        decimal(a.get("max_price")),
                        sort != null ? sort : fromQuery.sort() == ProductAsk.Sort.RELEVANCE ? fromMessage.sort() : null)
                .orElse(fromMessage);
    }

    static String answer(ProductPage page, ProductAsk ask) {
        if (page.products().isEmpty()) {
            return "I couldn't find a product matching that" + (ask.hasFilters() ? " with " + wanted(ask) : "")
                    + ". Could you describe it differently, or shall I look without some of those details?";
        }
        List<Product> shown = page.products().stream().limit(SHOWN).toList();
        StringBuilder text = new StringBuilder();
        if (page.totalCount() == 1) {
            text.append("I found one product that fits");
        } else if (page.totalCount() > shown.size()) {
            text.append("I found ")
                    .append(page.totalCount())
                    .append(" products that fit; here are ")
                    .append(ask.sort() == ProductAsk.Sort.PRICE_ASC ? "the lowest-priced " : "the best ")
                    .append(shown.size());
        } else {
            text.append("I found ").append(shown.size()).append(" products that fit");
        }
        text.append(':');
        for (Product p : shown) {
            text.append("\n- ")
                    .append(p.title())
                    .append(", ")
                    .append(price(p.price(), p.currency()))
                    .append(", ")
                    .append(availability(p, ask));
            if (p.url() != null) {
                text.append(": ").append(p.url());
            }
        }
        return text.toString();
    }

    /** Whether the product is in stock, in the asked size and colour when asked. */
    static String availability(Product p, ProductAsk ask) {
        List<Variant> fitting =
                p.variants().stream().filter(v -> CatalogueIndex.fits(v, ask)).toList();
        int inStock = fitting.stream()
                .filter(Variant::available)
                .mapToInt(v -> Math.max(0, v.inventory()))
                .sum();
        boolean available = fitting.stream().anyMatch(Variant::available);
        String which = ask.size() == null && ask.color() == null ? "" : " in " + variantWords(ask);
        if (!available) {
            return "out of stock" + which;
        }
        if (ask.size() == null && ask.color() == null) {
            String sizes = p.variants().stream()
                    .filter(Variant::available)
                    .map(Variant::size)
                    .filter(s -> s != null && !s.equalsIgnoreCase("One Size"))
                    .distinct()
                    .collect(Collectors.joining(", "));
            return sizes.isEmpty() ? "in stock" : "in stock in sizes " + sizes;
        }
        return "in stock" + which + (inStock > 0 && inStock <= 3 ? " (only " + inStock + " left)" : "");
    }

    private static String wanted(ProductAsk ask) {
        StringBuilder text = new StringBuilder();
        if (ask.size() != null || ask.color() != null) {
            text.append(variantWords(ask)).append(" in stock");
        }
        if (ask.minPrice() != null || ask.maxPrice() != null) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(
                    ask.minPrice() != null && ask.maxPrice() != null
                            ? "a price between " + plain(ask.minPrice()) + " and " + plain(ask.maxPrice())
                            : ask.maxPrice() != null
                                    ? "a price up to " + plain(ask.maxPrice())
                                    : "a price from " + plain(ask.minPrice()));
        }
        if (ask.category() != null) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append("in ").append(ask.category());
        }
        return text.toString();
    }

    private static String variantWords(ProductAsk ask) {
        if (ask.size() != null && ask.color() != null) {
            return ask.color().toLowerCase(java.util.Locale.ROOT) + ", size " + ask.size();
        }
        return ask.size() != null ? "size " + ask.size() : ask.color().toLowerCase(java.util.Locale.ROOT);
    }

    static String price(BigDecimal amount, String currency) {
        String value = amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
        return "USD".equals(currency) ? "$" + value : currency + " " + value;
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value instanceof BigDecimal d ? d.toPlainString() : value);
        }
    }

    private static String string(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    static BigDecimal decimal(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }

    private static ToolSchema schema() {
        Map<String, Property> properties = new LinkedHashMap<>();
        properties.put("query", Property.string("What the customer is looking for, in their words"));
        properties.put("category", Property.string("A category, e.g. footwear"));
        properties.put("min_price", Property.number("Lowest price", 0.0, 1_000_000.0));
        properties.put("max_price", Property.number("Highest price", 0.0, 1_000_000.0));
        properties.put("size", Property.string("A size that must be in stock, e.g. 10 or M"));
        properties.put("color", Property.string("A colour that must be in stock, e.g. Black"));
        properties.put("sort", Property.string("relevance, price_asc (cheapest first) or price_desc"));
        properties.put("limit", Property.number("How many, 1 to 20", 1.0, 20.0));
        return new ToolSchema(properties, List.of());
    }
}
