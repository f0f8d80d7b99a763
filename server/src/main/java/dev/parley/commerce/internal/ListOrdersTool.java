package dev.parley.commerce.internal;

import dev.parley.assistant.ConversationMemory;
import dev.parley.assistant.ToolInvocation;
import dev.parley.assistant.ToolName;
import dev.parley.assistant.ToolOutcome;
import dev.parley.assistant.ToolSchema;
import dev.parley.commerce.internal.StoreConnector.Order;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The customer's recent orders ("what orders do I have?"), only for an email that is proven: one the store's own
 * server vouched for, one an order tool verified against an order in this conversation, or a signed customer token's.
 * An email the customer merely typed proves nothing, so it lists nothing: anyone can type anyone's address.
 */
@Component
class ListOrdersTool extends StoreTool {

    /** How many orders are listed, newest first. */
    static final int LISTED = 5;

    private final StoreConnections connections;
    private final Clock clock;

    ListOrdersTool(StoreConnections connections, Clock clock) {
        super(
                connections,
                ToolName.LIST_ORDERS,
                "List the customer's most recent orders (only when the conversation has proven who they are).",
                ToolSchema.none());
        this.connections = connections;
        this.clock = clock;
    }

    @Override
    public boolean needsCustomerYes() {
        return false;
    }

    @Override
    public ToolOutcome execute(ToolInvocation invocation) {
        Optional<StoreConnection> connection = connections.get(invocation.workspaceId());
        Optional<StoreConnector> store = connections.connector(invocation.workspaceId(), invocation.mode());
        if (connection.isEmpty() || store.isEmpty()) {
            return new ToolOutcome.Refused("no_store_connected", null, Map.of(), false);
        }
        Optional<String> email = proven(invocation, connection.get());
        if (email.isEmpty()) {
            return new ToolOutcome.Refused(
                    "identity_not_proven",
                    OrderAnswers.uzbek(invocation)
                            ? "Buyurtmalaringiz maxfiy qolishi uchun ularni faqat bittasini tasdiqlaganingizdan keyin"
                                    + " koʻrsata olaman: buyurtma raqami va unda ishlatilgan elektron pochtani yozing."
                            : "To keep your orders private, I can list them once you've confirmed one of them: what's"
                                    + " an order number, and the email address you used for it?",
                    Map.of(),
                    false);
        }
        List<Order> orders;
        try {
            orders = store.get().ordersByEmail(email.get(), LISTED);
        } catch (StoreUnavailableException e) {
            return OrderAccess.unreachable();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("orders", orders.stream().map(Order::number).toList());
        return new ToolOutcome.Done(
                "orders_listed",
                OrderAnswers.list(orders, OrderAnswers.uzbek(invocation)),
                details,
                List.of(),
                Map.of());
    }

    /** The email the conversation has proven: vouched for, verified against an order, or a valid token's. */
    private Optional<String> proven(ToolInvocation invocation, StoreConnection connection) {
        Map<String, String> facts = invocation.facts();
        if (facts.get(ConversationMemory.CUSTOMER_TOKEN) != null) {
            Optional<String> token = CustomerTokens.verify(
                    connections.credentials(connection).customerTokenSecret(),
                    facts.get(ConversationMemory.CUSTOMER_TOKEN),
                    clock.instant());
            if (token.isPresent()) {
                return token;
            }
        }
        if (facts.get(ConversationMemory.VOUCHED_EMAIL) != null) {
            return Optional.of(facts.get(ConversationMemory.VOUCHED_EMAIL));
        }
        return Optional.ofNullable(facts.get(ConversationMemory.VERIFIED_EMAIL));
    }
}
