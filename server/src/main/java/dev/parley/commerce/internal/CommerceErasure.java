package dev.parley.commerce.internal;

import dev.parley.platform.CustomerErased;
import java.util.List;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Commerce's side of privacy: the erased customer's cached orders (email, name, addresses, items) are deleted, the
 * Gorgias tickets opened for them forget their email, and the record of their discount code is deleted. The store's own records are the store's to erase (Shopify
 * sends its {@code customers/redact}); an order read from the store again is cached again.
 */
@Component
class CommerceErasure {

    private final JdbcClient jdbc;
    private final AssistantSpending spending;

    CommerceErasure(JdbcClient jdbc, AssistantSpending spending) {
        this.jdbc = jdbc;
        this.spending = spending;
    }

    @EventListener
    void on(CustomerErased erased) {
        if (erased.email() == null) {
            return;
        }
        String email = erased.email().toLowerCase(Locale.ROOT);
        int orders = jdbc.sql("DELETE FROM commerce_orders WHERE workspace_id = ? AND mode = ? AND email = ?")
                .params(erased.workspaceId(), erased.mode().wire(), email)
                .update();
        // Gorgias.message needs an address; this one names no one.
        int tickets = jdbc.sql("""
                        UPDATE helpdesk_tickets SET customer_email = CONCAT('customer+', conversation_id,
                            '@parley.invalid')
                        WHERE workspace_id = ? AND mode = ? AND LOWER(customer_email) = ?""")
                .params(erased.workspaceId(), erased.mode().wire(), email)
                .update();
        // Which discount code the customer was given is kept under a hash of their email: forgotten too.
        int discounts = spending.removeDiscount(
                erased.workspaceId(), erased.mode(), List.of(DiscountAllowance.customer(email)));
        erased.tally().add("commerce.orders", orders);
        erased.tally().add("commerce.discount_codes", discounts);
        erased.tally().add("commerce.helpdesk_tickets", tickets);
    }
}
