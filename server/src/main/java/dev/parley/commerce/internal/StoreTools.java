package dev.parley.commerce.internal;

import dev.parley.assistant.ReportedProblems;
import dev.parley.assistant.ToolArguments;
import dev.parley.assistant.ToolInvocation;
import dev.parley.assistant.ToolOutcome;
import dev.parley.assistant.ToolSchema;
import dev.parley.assistant.ToolSchema.Property;
import dev.parley.commerce.internal.OrderAccess.Denied;
import dev.parley.commerce.internal.OrderAccess.Granted;
import dev.parley.commerce.internal.StoreConnector.Address;
import dev.parley.commerce.internal.StoreConnector.FinancialStatus;
import dev.parley.commerce.internal.StoreConnector.Order;
import dev.parley.commerce.internal.StoreConnector.ReturnLabel;
import dev.parley.tenancy.StoreSettings;
import dev.parley.tenancy.Workspaces;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The store tools the assistant acts through. Each is a thin adapter whose policy is checked here, in code, whatever
 * a model asked for: the order must be the customer's own ({@link OrderAccess}), refunds only when the store enables
 * them and up to its limit for all the assistant refunds on an order ({@link RefundAllowance}), returns inside its
 * window, a discount only as service recovery the store's policy allows ({@link ServiceRecovery}) and once per
 * customer up to its cap ({@link DiscountAllowance}), address changes before shipping.
 */
final class StoreTools {

    private StoreTools() {}

    private static final Property ORDER_NUMBER = Property.string("The order number, e.g. 1001");

    private static Map<String, Object> details(Order order) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("order_number", order.number());
        details.put("status", order.status().wire());
        return details;
    }

    /** A store tool that acts on one of the customer's orders: each of its steps starts with {@link #verifiedOrder}. */
    abstract static class OrderTool extends StoreTool {

        private final OrderAccess access;

        OrderTool(
                StoreConnections connections,
                OrderAccess access,
                String name,
                String description,
                ToolSchema parameters) {
            super(connections, name, description, parameters);
            this.access = access;
        }

        /** What the tool does with the customer's own order, once {@link #verifiedOrder} has found it. */
        abstract ToolOutcome execute(ToolInvocation invocation, Granted verified);

        @Override
        public final ToolOutcome execute(ToolInvocation invocation) {
            return verifiedOrder(invocation, denial -> denial, verified -> execute(invocation, verified));
        }

        /**
         * The step every order tool starts with, in one place: the order the invocation names, found in the store
         * and verified as the customer's own by {@link OrderAccess}, goes on to {@code next}. When there is no such
         * order, it is not theirs or the store cannot be reached, the denial is the answer ({@code denied} gives it
         * the caller's type) and {@code next} never runs.
         */
        final <T> T verifiedOrder(
                ToolInvocation invocation, Function<ToolOutcome, T> denied, Function<Granted, T> next) {
            return switch (access.order(invocation)) {
                case Denied denial -> denied.apply(denial.outcome());
                case Granted verified -> next.apply(verified);
            };
        }
    }

    @Component
    static class OrderStatusTool extends OrderTool {

        private final Clock clock;

        OrderStatusTool(StoreConnections connections, OrderAccess access, Clock clock) {
            super(
                    connections,
                    access,
                    "order_status",
                    "Look up the status of the customer's order (only their own, verified by the conversation).",
                    new ToolSchema(
                            Map.of(
                                    "order_number",
                                    ORDER_NUMBER,
                                    "items",
                                    Property.oneOf("Whether to say what the order holds", "yes", "no")),
                            List.of()));
            this.clock = clock;
        }

        @Override
        public boolean needsCustomerYes() {
            return false;
        }

        @Override
        ToolOutcome execute(ToolInvocation invocation, Granted verified) {
            boolean uz = OrderAnswers.uzbek(invocation);
            String status = OrderAnswers.status(verified.order(), clock.instant(), uz);
            if (invocation.arguments().text("items").filter("yes"::equals).isPresent()) {
                status = status + " " + OrderAnswers.items(verified.order(), uz);
            }
            return new ToolOutcome.Done(
                    "order_status_checked", status, details(verified.order()), List.of(), verified.facts());
        }
    }

    @Component
    static class TrackOrderTool extends OrderTool {

        private final Clock clock;

        TrackOrderTool(StoreConnections connections, OrderAccess access, Clock clock) {
            super(
                    connections,
                    access,
                    "track_order",
                    "Give the carrier, tracking number and delivery estimate of the customer's order.",
                    new ToolSchema(Map.of("order_number", ORDER_NUMBER), List.of()));
            this.clock = clock;
        }

        @Override
        public boolean needsCustomerYes() {
            return false;
        }

        @Override
        ToolOutcome execute(ToolInvocation invocation, Granted verified) {
            Map<String, Object> details = details(verified.order());
            if (!verified.order().fulfillments().isEmpty()) {
                var f = verified.order().fulfillments().getLast();
                details.put("carrier", f.trackingCompany());
                details.put("tracking_number", f.trackingNumber());
                details.put("tracking_status", f.status().wire());
            }
            return new ToolOutcome.Done(
                    "order_tracked",
                    OrderAnswers.tracking(verified.order(), clock.instant(), OrderAnswers.uzbek(invocation)),
                    details,
                    List.of(),
                    verified.facts());
        }
    }

    @Component
    static class RequestReturnTool extends OrderTool {

        private final Workspaces workspaces;
        private final Clock clock;

        RequestReturnTool(StoreConnections connections, OrderAccess access, Workspaces workspaces, Clock clock) {
            super(
                    connections,
                    access,
                    "request_return",
                    "Start a return of the customer's delivered order inside the store's return window and make a"
                            + " return label.",
                    new ToolSchema(
                            Map.of("order_number", ORDER_NUMBER, "reason", Property.string("Why it goes back")),
                            List.of()));
            this.workspaces = workspaces;
            this.clock = clock;
        }

        @Override
        public boolean needsCustomerYes() {
            return true;
        }

        @Override
        ToolOutcome execute(ToolInvocation invocation, Granted verified) {
            Order order = verified.order();
            StoreSettings settings = workspaces.settings(invocation.workspaceId());
            Map<String, Object> details = details(order);
            Optional<ToolOutcome.Refused> refused = refusal(order, settings, details);
            if (refused.isPresent()) {
                return refused.get();
            }
            ReturnLabel label;
            try {
                label = verified.store()
                        .createReturn(order, invocation.arguments().textOrNull("reason"));
            } catch (StoreUnavailableException e) {
                if ("returns_not_supported".equals(e.details().get("reason"))) {
                    return new ToolOutcome.Refused(
                            "returns_not_supported",
                            "I can't create return labels for this store myself, so I've passed your return"
                                    + " request for order #" + order.number() + " to our team.",
                            details,
                            true);
                }
                return OrderAccess.unreachable();
            }
            details.put("return_id", label.returnId());
            details.put("carrier", label.carrier());
            details.put("tracking_number", label.trackingNumber());
            details.put("label_url", label.labelUrl());
            if (label.labelUrl() == null) {
                return new ToolOutcome.Done(
                        "return_created",
                        "I've started return " + label.returnId() + " for order #" + order.number()
                                + ". The store will email you the return label; please write "
                                + label.returnId() + " on the parcel.",
                        details,
                        List.of(),
                        verified.facts());
            }
            return new ToolOutcome.Done(
                    "return_label_generated",
                    "I've started a return for order #" + order.number() + ". Print your prepaid "
                            + label.carrier() + " label here: " + label.labelUrl()
                            + " and drop the parcel off within 14 days.",
                    details,
                    List.of(),
                    verified.facts());
        }

        /** Why the order cannot be returned now: cancelled or refunded, not delivered, or outside the window. */
        private Optional<ToolOutcome.Refused> refusal(
                Order order, StoreSettings settings, Map<String, Object> details) {
            if (order.cancelledAt() != null || order.financialStatus() == FinancialStatus.REFUNDED) {
                return Optional.of(new ToolOutcome.Refused(
                        "not_returnable",
                        "Order #" + order.number() + " was " + order.status().wire() + ", so there is nothing to"
                                + " return.",
                        details,
                        false));
            }
            Instant delivered = order.deliveredAt();
            if (delivered == null) {
                return Optional.of(new ToolOutcome.Refused(
                        "not_delivered",
                        "Order #" + order.number() + " hasn't been delivered yet. Once it arrives, you can"
                                + " return it within " + settings.returnWindowDays() + " days.",
                        details,
                        false));
            }
            Instant deadline = delivered.plus(Duration.ofDays(settings.returnWindowDays()));
            details.put("delivered_at", delivered.toString());
            details.put("return_window_days", settings.returnWindowDays());
            if (clock.instant().isAfter(deadline)) {
                return Optional.of(new ToolOutcome.Refused(
                        "outside_return_window",
                        "Order #" + order.number() + " was delivered on " + OrderAnswers.day(delivered)
                                + ", which is outside our " + settings.returnWindowDays()
                                + "-day return window, so I can't start a return for it.",
                        details,
                        false));
            }
            return Optional.empty();
        }

        @Override
        public Optional<ToolOutcome> check(ToolInvocation invocation) {
            return verifiedOrder(
                    invocation,
                    Optional::of,
                    verified -> refusal(
                                    verified.order(),
                                    workspaces.settings(invocation.workspaceId()),
                                    details(verified.order()))
                            .map(ToolOutcome.class::cast));
        }
    }

    @Component
    static class RefundTool extends OrderTool {

        private final RefundAllowance allowance;

        RefundTool(StoreConnections connections, OrderAccess access, RefundAllowance allowance) {
            super(
                    connections,
                    access,
                    "refund",
                    "Refund the customer's order, in full or an amount of it. Only within the store's automatic refund"
                            + " policy; anything else goes to a person.",
                    schema());
            this.allowance = allowance;
        }

        /**
         * Refunds the customer's own order when {@link RefundAllowance} allows it: at most what is left on the order,
         * and with what the assistant refunded on it before (in any conversation), at most the store's
         * {@code auto_refund_limit}; above that a person decides. The amount is counted against the limit before the
         * store is asked, and given back if the store fails.
         */
        @Override
        public boolean needsCustomerYes() {
            return true;
        }

        @Override
        ToolOutcome execute(ToolInvocation invocation, Granted verified) {
            Order order = verified.order();
            Map<String, Object> details = details(order);
            BigDecimal amount = amount(invocation, order);
            details.put("amount", amount);
            details.put("currency", order.currency());
            Optional<ToolOutcome.Refused> undelivered = notDelivered(invocation, order, details);
            if (undelivered.isPresent()) {
                return undelivered.get();
            }
            return switch (allowance.claim(invocation, order, amount, details)) {
                case RefundAllowance.Refused refused -> refused.outcome();
                case RefundAllowance.Allowed allowed -> {
                    Order after;
                    try {
                        after = verified.store()
                                .refund(order, amount, invocation.arguments().textOrNull("reason"));
                    } catch (StoreUnavailableException e) {
                        allowance.giveBack(allowed.claim());
                        yield OrderAccess.unreachable();
                    }
                    details.put("status", after.status().wire());
                    yield new ToolOutcome.Done(
                            "refund_processed",
                            "I've refunded " + OrderAnswers.money(amount, order) + " for order #"
                                    + order.number() + " to your original payment method. It usually shows"
                                    + " up within 5 to 10 business days.",
                            details,
                            List.of(),
                            verified.facts());
                }
            };
        }

        @Override
        public Optional<ToolOutcome> check(ToolInvocation invocation) {
            return verifiedOrder(invocation, Optional::of, verified -> {
                Map<String, Object> details = details(verified.order());
                BigDecimal amount = amount(invocation, verified.order());
                details.put("amount", amount);
                details.put("currency", verified.order().currency());
                Optional<ToolOutcome.Refused> undelivered = notDelivered(invocation, verified.order(), details);
                if (undelivered.isPresent()) {
                    return undelivered.map(ToolOutcome.class::cast);
                }
                return allowance
                        .check(invocation, verified.order(), amount, details)
                        .map(RefundAllowance.Refused::outcome);
            });
        }

        /**
         * A refund for damage or the wrong item needs the goods delivered: before that nothing can have arrived
         * broken. The problem is the customer's word, from this turn's message or the refund's {@code reason}; an
         * order not yet shipped can be cancelled (or changed) instead, one on its way can be looked at once it
         * arrives.
         */
        private static Optional<ToolOutcome.Refused> notDelivered(
                ToolInvocation invocation, Order order, Map<String, Object> details) {
            Optional<String> problem = Optional.ofNullable(invocation.facts().get(ToolInvocation.REPORTED_PROBLEM))
                    .or(() -> invocation.arguments().text("reason").flatMap(ReportedProblems::in));
            if (problem.isEmpty() || order.cancelledAt() != null || order.deliveredAt() != null) {
                return Optional.empty();
            }
            details.put("reported_problem", problem.get());
            String what = problem.get().equals("wrong_item") ? "the wrong item" : "damaged";
            if (!order.shipped()) {
                details.put("suggestion", "cancel_order");
                return Optional.of(new ToolOutcome.Refused(
                        "not_delivered",
                        "Order #" + order.number() + " hasn't shipped yet, so nothing in it can have arrived " + what
                                + " and I can't refund it for that. I can cancel the order (or change it) instead;"
                                + " would you like me to cancel it?",
                        details,
                        false));
            }
            return Optional.of(new ToolOutcome.Refused(
                    "not_delivered",
                    "Order #" + order.number() + " is still on its way, so nothing in it can have arrived " + what
                            + " yet and I can't refund it for that. If something is wrong once it arrives, tell me"
                            + " and I'll sort it out.",
                    details,
                    false));
        }

        private static BigDecimal amount(ToolInvocation invocation, Order order) {
            return invocation
                    .arguments()
                    .number("amount")
                    .map(n -> new BigDecimal(n.toString()).setScale(2, RoundingMode.HALF_UP))
                    .orElse(order.refundable());
        }

        private static ToolSchema schema() {
            return new ToolSchema(
                    Map.of(
                            "order_number", ORDER_NUMBER,
                            "amount",
                                    Property.number(
                                            "How much, in the order's currency; all that is left if absent",
                                            0.01,
                                            1_000_000.0),
                            "reason", Property.string("Why")),
                    List.of());
        }
    }

    @Component
    static class ChangeAddressTool extends OrderTool {

        ChangeAddressTool(StoreConnections connections, OrderAccess access) {
            super(
                    connections,
                    access,
                    "change_address",
                    "Change the shipping address of the customer's order, only before it ships.",
                    schema());
        }

        @Override
        public boolean needsCustomerYes() {
            return true;
        }

        @Override
        ToolOutcome execute(ToolInvocation invocation, Granted verified) {
            Order order = verified.order();
            Map<String, Object> details = details(order);
            Optional<ToolOutcome.Refused> shipped = shipped(order, details);
            if (shipped.isPresent()) {
                return shipped.get();
            }
            ToolArguments a = invocation.arguments();
            Address address = new Address(
                    order.shippingAddress() == null
                            ? order.customerName()
                            : order.shippingAddress().name(),
                    a.textOrNull("address1"),
                    a.textOrNull("address2"),
                    a.textOrNull("city"),
                    a.textOrNull("province"),
                    a.textOrNull("zip"),
                    a.textOrNull("country"));
            try {
                verified.store().changeAddress(order, address);
            } catch (StoreUnavailableException e) {
                return OrderAccess.unreachable();
            }
            details.put(
                    "address",
                    address.address1() + ", " + address.city() + " " + address.zip() + ", " + address.country());
            return new ToolOutcome.Done(
                    "address_updated",
                    "Done: order #" + order.number() + " will ship to " + details.get("address") + ".",
                    details,
                    List.of(),
                    verified.facts());
        }

        private static Optional<ToolOutcome.Refused> shipped(Order order, Map<String, Object> details) {
            if (order.cancelledAt() == null && !order.shipped()) {
                return Optional.empty();
            }
            if (order.cancelledAt() != null) {
                return Optional.of(new ToolOutcome.Refused(
                        "order_cancelled",
                        "Order #" + order.number() + " has been cancelled, so nothing will ship and there is no"
                                + " address to change.",
                        details,
                        false));
            }
            return Optional.of(new ToolOutcome.Refused(
                    "already_shipped",
                    "Order #" + order.number() + " has already shipped, so its address can no longer change.",
                    details,
                    false));
        }

        @Override
        public Optional<ToolOutcome> check(ToolInvocation invocation) {
            return verifiedOrder(
                    invocation,
                    Optional::of,
                    verified ->
                            shipped(verified.order(), details(verified.order())).map(ToolOutcome.class::cast));
        }

        private static ToolSchema schema() {
            Map<String, Property> properties = new LinkedHashMap<>();
            properties.put("order_number", ORDER_NUMBER);
            properties.put("address1", Property.string("Street and number"));
            properties.put("address2", Property.string("Apartment, suite"));
            properties.put("city", Property.string("City"));
            properties.put("province", Property.string("State or province"));
            properties.put("zip", Property.string("Postal code"));
            properties.put("country", Property.string("Country code, e.g. US"));
            return new ToolSchema(properties, List.of("address1", "city", "zip", "country"));
        }
    }

    @Component
    static class CancelOrderTool extends OrderTool {

        private final AssistantCancellations cancellations;
        private final Workspaces workspaces;
        private final Clock clock;

        CancelOrderTool(
                StoreConnections connections,
                OrderAccess access,
                AssistantCancellations cancellations,
                Workspaces workspaces,
                Clock clock) {
            super(
                    connections,
                    access,
                    "cancel_order",
                    "Cancel the customer's order and return their payment, only before it ships; a shipped order can"
                            + " be returned instead.",
                    new ToolSchema(
                            Map.of("order_number", ORDER_NUMBER, "reason", Property.string("Why it is cancelled")),
                            List.of()));
            this.cancellations = cancellations;
            this.workspaces = workspaces;
            this.clock = clock;
        }

        /** Before the cancellation is stated for the customer's yes: already cancelled, or shipped (a return instead). */
        @Override
        public Optional<ToolOutcome> check(ToolInvocation invocation) {
            return verifiedOrder(invocation, Optional::of, verified -> {
                Map<String, Object> details = details(verified.order());
                if (verified.order().cancelledAt() != null) {
                    return Optional.of(alreadyCancelled(verified.order(), details));
                }
                return verified.order().shipped()
                        ? Optional.of(shipped(verified.order(), invocation, details))
                        : Optional.empty();
            });
        }

        /**
         * Cancels the customer's own order while it has not shipped. Once it has, the answer is a return instead. An
         * order is cancelled once: the cancellation is claimed in {@link AssistantCancellations} before the store is
         * asked (and given back if the store fails), so asking again, or twice at once, reaches the store once.
         */
        @Override
        public boolean needsCustomerYes() {
            return true;
        }

        @Override
        ToolOutcome execute(ToolInvocation invocation, Granted verified) {
            Order order = verified.order();
            Map<String, Object> details = details(order);
            if (order.cancelledAt() != null) {
                return alreadyCancelled(order, details);
            }
            if (order.shipped()) {
                return shipped(order, invocation, details);
            }
            if (!cancellations.claim(
                    invocation.workspaceId(), invocation.mode(), order.id(), order.number(), clock.instant())) {
                return alreadyCancelled(order, details);
            }
            StoreConnector.Cancellation cancellation;
            try {
                cancellation =
                        verified.store().cancel(order, invocation.arguments().textOrNull("reason"));
            } catch (StoreUnavailableException e) {
                cancellations.giveBack(invocation.workspaceId(), invocation.mode(), order.id());
                Object reason = e.details().get("reason");
                if ("not_cancellable".equals(reason) || "rejected".equals(reason)) {
                    return new ToolOutcome.Refused(
                            "not_cancellable",
                            "I couldn't cancel order #" + order.number() + " myself, so I've passed your"
                                    + " request to our team.",
                            details,
                            true);
                }
                return OrderAccess.unreachable();
            }
            // What was charged goes back; an order only authorized (or not paid) has its hold released.
            BigDecimal paid = CHARGED.contains(order.financialStatus()) ? order.refundable() : BigDecimal.ZERO;
            details.put("status", "cancelled");
            details.put("refund_amount", paid);
            details.put("currency", order.currency());
            details.put("payment_returned", cancellation.paymentReturned());
            String money = paid.signum() == 0
                    ? ""
                    : cancellation.paymentReturned()
                            ? " The " + OrderAnswers.money(paid, order) + " you paid goes back to your"
                                    + " original payment method within 5 to 10 business days."
                            : " Our team will return the " + OrderAnswers.money(paid, order)
                                    + " you paid to your original payment method.";
            return new ToolOutcome.Done(
                    "order_cancelled",
                    "I've cancelled order #" + order.number() + "." + money,
                    details,
                    List.of(),
                    verified.facts());
        }

        /** Financial states in which the customer has been charged, as the platforms' orders are mapped. */
        static final Set<FinancialStatus> CHARGED =
                EnumSet.of(FinancialStatus.PAID, FinancialStatus.PARTIALLY_PAID, FinancialStatus.PARTIALLY_REFUNDED);

        private static ToolOutcome alreadyCancelled(Order order, Map<String, Object> details) {
            details.put("status", "cancelled");
            return new ToolOutcome.Refused(
                    "already_cancelled",
                    "Order #" + order.number() + " is already cancelled, so there is nothing more to do.",
                    details,
                    false);
        }

        /** A shipped order can no longer be cancelled: the customer is offered a return, as the store allows it. */
        private ToolOutcome shipped(Order order, ToolInvocation invocation, Map<String, Object> details) {
            int window = workspaces.settings(invocation.workspaceId()).returnWindowDays();
            details.put("return_window_days", window);
            details.put("suggestion", "request_return");
            Instant delivered = order.deliveredAt();
            String offer = delivered == null
                    ? " Once it arrives, you can return it within " + window + " days for a refund, and I can start"
                            + " that return for you."
                    : clock.instant().isAfter(delivered.plus(Duration.ofDays(window)))
                            ? " It was delivered on " + OrderAnswers.day(delivered) + ", outside our " + window
                                    + "-day return window, so a member of our team would need to look at a return."
                            : " It was delivered on " + OrderAnswers.day(delivered) + ", so you can return it"
                                    + " instead; would you like me to start a return?";
            return new ToolOutcome.Refused(
                    "already_fulfilled",
                    "Order #" + order.number() + " has already shipped, so it can no longer be cancelled." + offer,
                    details,
                    false);
        }
    }

    @Component
    static class ApplyDiscountTool extends StoreTool {

        private final ServiceRecovery recovery;
        private final DiscountAllowance allowance;

        ApplyDiscountTool(StoreConnections connections, ServiceRecovery recovery, DiscountAllowance allowance) {
            super(
                    connections,
                    "apply_discount",
                    "Give the customer a one-time percentage discount code to make up for a problem with their order"
                            + " (late, damaged or the wrong item), never because they ask for one. Only as the store's"
                            + " discount policy allows, up to its cap; one per customer.",
                    new ToolSchema(
                            Map.of(
                                    "order_number", ORDER_NUMBER,
                                    "percent", Property.number("The discount in percent", 1.0, 100.0),
                                    "reason", Property.string("Why")),
                            List.of()));
            this.recovery = recovery;
            this.allowance = allowance;
        }

        /**
         * Makes a code when {@link ServiceRecovery} says the store's discount policy allows one for this customer's
         * order, and {@link DiscountAllowance} allows it: up to the store's cap, one per conversation and one per
         * customer. The code is recorded as given before the store is asked, and given back if the store fails.
         */
        @Override
        public boolean needsCustomerYes() {
            // Offered by the assistant as service recovery, never asked for: its policy decides, not a yes.
            return false;
        }

        @Override
        public ToolOutcome execute(ToolInvocation invocation) {
            Map<String, Object> details = new LinkedHashMap<>();
            Granted order;
            ServiceRecovery.Problem problem;
            switch (recovery.decide(invocation, details)) {
                case ServiceRecovery.Refused refused -> {
                    return refused.outcome();
                }
                case ServiceRecovery.Qualifies q -> {
                    order = q.order();
                    problem = q.problem();
                }
            }
            int cap = order.connection().maxDiscountPercent();
            int percent = invocation
                    .arguments()
                    .number("percent")
                    .map(n -> (int) Math.ceil(n.doubleValue()))
                    .orElse(Math.min(10, cap));
            details.put("value", percent + "%");
            String code = "SORRY" + percent;
            return switch (allowance.claim(invocation, order.connection(), percent, code, details)) {
                case DiscountAllowance.Refused refused -> refused.outcome();
                case DiscountAllowance.Allowed allowed -> {
                    try {
                        order.store()
                                .createDiscount(code, percent, order.order().email());
                    } catch (StoreUnavailableException e) {
                        allowance.giveBack(allowed.claim());
                        yield OrderAccess.unreachable();
                    }
                    details.put("code", code);
                    Map<String, String> learned = new LinkedHashMap<>(order.facts());
                    learned.put("discount_code", code);
                    yield new ToolOutcome.Done(
                            "discount_applied",
                            problem.apology(order.order()) + " As an apology, here is a " + percent
                                    + "% discount code for your next order: " + code,
                            details,
                            List.of(),
                            learned);
                }
            };
        }
    }
}
