package dev.parley.commerce.internal;

import dev.parley.platform.CustomerErased;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Commerce's side of privacy: the erased customer's cached orders (email, name, addresses, items) are deleted, and
 * the Gorgias tickets opened for them forget their email. The store's own records are the store's to erase (Shopify
 * sends its {@code customers/redact}); an order read from the store again is cached again.
 */
@Component
class CommerceErasure {

    private final JdbcClient jdbc;

    CommerceErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        erased.tally().add("commerce.orders", orders);
        erased.tally().add("commerce.helpdesk_tickets", tickets);
    }
}
