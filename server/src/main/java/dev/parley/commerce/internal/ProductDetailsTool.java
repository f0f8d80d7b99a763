package dev.parley.commerce.internal;

import dev.parley.assistant.ToolInvocation;
import dev.parley.assistant.ToolName;
import dev.parley.assistant.ToolOutcome;
import dev.parley.assistant.ToolSchema;
import dev.parley.assistant.ToolSchema.Property;
import dev.parley.commerce.internal.StoreConnector.Product;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** One product of the connected store with its variants (seed 004's {@code get_product_details}). */
@Component
class ProductDetailsTool extends StoreTool {

    private final StoreConnections connections;

    ProductDetailsTool(StoreConnections connections) {
        super(
                connections,
                ToolName.GET_PRODUCT_DETAILS,
                "Read one product of the store by its id: price, description, sizes and colours in stock.",
                new ToolSchema(
                        Map.of("product_id", Property.string("The product's id, as search_products gives it")),
                        List.of("product_id")));
        this.connections = connections;
    }

    @Override
    public boolean needsCustomerYes() {
        return false;
    }

    @Override
    public ToolOutcome execute(ToolInvocation invocation) {
        Optional<StoreConnector> store = connections.connector(invocation.workspaceId(), invocation.mode());
        if (store.isEmpty()) {
            return new ToolOutcome.Refused("no_store_connected", null, Map.of(), false);
        }
        String id = String.valueOf(invocation.arguments().get("product_id"));
        Optional<Product> found;
        try {
            found = store.get().product(id);
        } catch (StoreUnavailableException e) {
            return OrderAccess.unreachable();
        }
        if (found.isEmpty()) {
            return new ToolOutcome.Refused(
                    "product_not_found", "I couldn't find that product in the store.", Map.of("product_id", id), false);
        }
        Product p = found.get();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", p.id());
        details.put("title", p.title());
        details.put("price", p.price().toPlainString());
        details.put("currency", p.currency());
        details.put(
                "variants",
                p.variants().stream()
                        .map(v -> Map.of(
                                "id",
                                v.id(),
                                "size",
                                String.valueOf(v.size()),
                                "color",
                                String.valueOf(v.color()),
                                "available",
                                v.available()))
                        .toList());
        String sizes = String.join(
                ", ",
                p.variants().stream()
                        .filter(StoreConnector.Variant::available)
                        .map(v -> String.valueOf(v.size()))
                        .distinct()
                        .toList());
        String answer = p.title() + ": " + p.currency() + " " + p.price().toPlainString() + ". " + p.description()
                + (sizes.isEmpty() ? " Out of stock for now." : " In stock in " + sizes + ".");
        return new ToolOutcome.Done("product_details_read", answer, details, List.of(), Map.of());
    }
}
