package dev.parley.commerce.internal;

import dev.parley.assistant.ConversationMemory;
import dev.parley.assistant.ToolInvocation;
import dev.parley.assistant.ToolOutcome;
import dev.parley.commerce.internal.StoreConnector.Order;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The policy every order tool starts with: an order is shown or acted on only for its own customer, proven by the
 * email on the order (as the conversation established it, never as a model claims it) or by a customer token signed
 * by the store's site. An order that does not exist and an order of someone else get the same answer.
 */
@Component
class OrderAccess {

    static final String UNREACHABLE = "I can't reach the order system right now. Please try again in a few minutes,"
            + " or I can connect you with a member of our team.";

    private final StoreConnections connections;
    private final Clock clock;

    OrderAccess(StoreConnections connections, Clock clock) {
        this.connections = connections;
        this.clock = clock;
    }

    /** Either the customer's verified order with its store, or what to tell the customer instead. */
    sealed interface Access {}

    record Granted(Order order, StoreConnector store, StoreConnection connection, Map<String, String> facts)
            implements Access {}

    record Denied(ToolOutcome outcome) implements Access {}

    Access order(ToolInvocation invocation) {
        Optional<StoreConnection> connection = connections.get(invocation.workspaceId());
        Optional<StoreConnector> store = connections.connector(invocation.workspaceId(), invocation.mode());
        if (connection.isEmpty() || store.isEmpty()) {
            return new Denied(new ToolOutcome.Refused(
                    "no_store_connected",
                    "I can't look up orders here. A member of our team can help you with your order.",
                    Map.of(),
                    false));
        }
        String number = orderNumber(invocation);
        if (number == null) {
            return new Denied(new ToolOutcome.NeedsInfo(
                    "order_number", "Could you tell me your order number? You'll find it in your order confirmation."));
        }
        Optional<String> email = customerEmail(invocation, connection.get());
        if (email.isEmpty()) {
            return new Denied(new ToolOutcome.NeedsInfo(
                    "email",
                    "I can help with order #" + number + ". To keep your details safe, please tell me the email"
                            + " address you used when you placed it."));
        }
        Map<String, String> facts = invocation.facts();
        boolean typed = email.get().equalsIgnoreCase(facts.get(ConversationMemory.EMAIL_GIVEN))
                && !email.get().equalsIgnoreCase(facts.get(ConversationMemory.VERIFIED_EMAIL))
                && !email.get().equalsIgnoreCase(facts.get(ConversationMemory.VOUCHED_EMAIL));
        if (typed && mismatches(invocation) >= MAX_EMAIL_MISMATCHES) {
            // someone trying emails until one fits: no more are checked in this conversation, whatever is asked
            return new Denied(tooManyEmails(number, false));
        }
        Optional<Order> order;
        try {
            order = store.get().order(number);
        } catch (StoreUnavailableException e) {
            return new Denied(unreachable());
        }
        if (order.isEmpty()
                || order.get().email() == null
                || !order.get().email().equalsIgnoreCase(email.get())) {
            if (typed && mismatches(invocation) + 1 >= MAX_EMAIL_MISMATCHES) {
                return new Denied(tooManyEmails(number, true));
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("order_number", number);
            return new Denied(new ToolOutcome.Refused(
                    "order_not_verified",
                    "I couldn't find order #" + number + " under that email address. Please check the order number"
                            + " and the email you used when ordering.",
                    details,
                    false));
        }
        Map<String, String> learned = new LinkedHashMap<>();
        learned.put("order_number", number);
        learned.put("verified_email", email.get().toLowerCase(Locale.ROOT));
        return new Granted(order.get(), store.get(), connection.get(), learned);
    }

    /** Emails that did not match an order in one conversation, after which the order tools check no more. */
    static final int MAX_EMAIL_MISMATCHES = 3;

    private static ToolOutcome.Refused tooManyEmails(String number, boolean thisOne) {
        return new ToolOutcome.Refused(
                "too_many_email_attempts",
                (thisOne
                                ? "I couldn't find order #" + number + " under that email address either."
                                : "I can't check order #" + number + " against another email address.")
                        + " For your security I can't check any more email addresses in this conversation. Would you"
                        + " like me to connect you with a member of our team?",
                Map.of("order_number", number),
                false);
    }

    private static int mismatches(ToolInvocation invocation) {
        try {
            return Integer.parseInt(invocation.facts().getOrDefault(ConversationMemory.EMAIL_MISMATCHES, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static ToolOutcome.Refused unreachable() {
        return new ToolOutcome.Refused("store_unavailable", UNREACHABLE, Map.of(), false);
    }

    static String orderNumber(ToolInvocation invocation) {
        String number = invocation
                .arguments()
                .text("order_number")
                .filter(given -> !given.isBlank())
                .orElse(invocation.facts().get("order_number"));
        if (number == null) {
            return null;
        }
        number = number.strip().replaceFirst("^#\\s*", "").toUpperCase(Locale.ROOT);
        return number.matches("[A-Z0-9-]{1,32}") ? number : null;
    }

    /**
     * Who the customer is, as the conversation proved it: a signed token, the email they gave (checked against the
     * order), the email the store's own server vouched for (a secret key's {@code customer_email}), or the email an
     * order tool verified before.
     */
    Optional<String> customerEmail(ToolInvocation invocation, StoreConnection connection) {
        Map<String, String> facts = invocation.facts();
        if (facts.get("customer_token") != null) {
            Optional<String> vouched = CustomerTokens.verify(
                    connections.credentials(connection).customerTokenSecret(),
                    facts.get("customer_token"),
                    clock.instant());
            if (vouched.isPresent()) {
                return vouched;
            }
        }
        if (facts.get(ConversationMemory.EMAIL_GIVEN) != null) {
            return Optional.of(facts.get(ConversationMemory.EMAIL_GIVEN));
        }
        if (facts.get(ConversationMemory.VOUCHED_EMAIL) != null) {
            return Optional.of(facts.get(ConversationMemory.VOUCHED_EMAIL));
        }
        return Optional.ofNullable(facts.get(ConversationMemory.VERIFIED_EMAIL));
    }
}
