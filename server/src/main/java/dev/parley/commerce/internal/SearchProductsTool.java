package dev.parley.commerce.internal;

import dev.parley.assistant.ToolInvocation;
import dev.parley.assistant.ToolOutcome;
import dev.parley.assistant.ToolSchema;
import dev.parley.assistant.ToolSchema.Property;
import dev.parley.commerce.internal.StoreConnector.Product;
import dev.parley.commerce.internal.StoreConnector.ProductPage;
import dev.parley.commerce.internal.StoreConnector.ProductQuery;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Searches the connected store's catalogue (seed 004's {@code search_products}). */
@Component
class SearchProductsTool extends StoreTool {

    private final StoreConnections connections;

    SearchProductsTool(StoreConnections connections) {
        super(
                connections,
                "search_products",
                "Search the store's products by words, category, price range and size in stock.",
                schema());
        this.connections = connections;
    }

    @Override
    public ToolOutcome execute(ToolInvocation invocation) {
        Optional<StoreConnector> store = connections.connector(invocation.workspaceId(), invocation.mode());
        if (store.isEmpty()) {
            return new ToolOutcome.Refused("no_store_connected", null, Map.of(), false);
        }
        Map<String, Object> a = invocation.arguments();
        ProductQuery query = new ProductQuery(
                (String) a.get("query"),
                (String) a.get("category"),
                decimal(a.get("min_price")),
                decimal(a.get("max_price")),
                (String) a.get("size"),
                a.get("limit") instanceof Number n ? n.intValue() : 5);
        ProductPage page;
        try {
            page = store.get().searchProducts(query);
        } catch (StoreUnavailableException e) {
            return OrderAccess.unreachable();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("query", query.query());
        details.put("total_count", page.totalCount());
        details.put(
                "products",
                page.products().stream()
                        .map(p -> Map.of(
                                "id",
                                p.id(),
                                "title",
                                p.title(),
                                "price",
                                p.price().toPlainString()))
                        .toList());
        return new ToolOutcome.Done("products_searched", answer(page), details, List.of(), Map.of());
    }

    private static String answer(ProductPage page) {
        if (page.products().isEmpty()) {
            return "I couldn't find products matching that. Could you describe it differently?";
        }
        StringBuilder text = new StringBuilder("I found " + page.totalCount() + " matching product"
                + (page.totalCount() == 1 ? "" : "s") + ". Here are some:");
        for (Product p : page.products().stream().limit(3).toList()) {
            text.append("\n- ")
                    .append(p.title())
                    .append(", ")
                    .append(p.currency())
                    .append(' ')
                    .append(p.price().toPlainString());
        }
        return text.toString();
    }

    static BigDecimal decimal(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }

    private static ToolSchema schema() {
        Map<String, Property> properties = new LinkedHashMap<>();
        properties.put("query", Property.string("What the customer is looking for"));
        properties.put("category", Property.string("A category, e.g. footwear"));
        properties.put("min_price", Property.number("Lowest price", 0.0, 1_000_000.0));
        properties.put("max_price", Property.number("Highest price", 0.0, 1_000_000.0));
        properties.put("size", Property.string("A size that must be in stock"));
        properties.put("limit", Property.number("How many, 1 to 20", 1.0, 20.0));
        return new ToolSchema(properties, List.of());
    }
}
