package dev.parley.commerce.internal;

import dev.parley.assistant.ToolInvocation;
import dev.parley.assistant.ToolOutcome;
import dev.parley.commerce.internal.StoreConnector.Order;
import dev.parley.platform.Mode;
import dev.parley.tenancy.StoreSettings;
import dev.parley.tenancy.Workspaces;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the assistant may refund on an order: the rule in one place, whatever a model asks for and however often.
 *
 * <ul>
 *   <li>The assistant refunds only while the store's {@code auto_refund_enabled} is on ({@code auto_refund_disabled},
 *       handed to a person).
 *   <li>What the assistant refunds on one order adds up to at most the store's {@code auto_refund_limit}, over all its
 *       tool calls and conversations ({@code above_auto_refund_limit}, handed to a person). Refunds the store made
 *       itself do not use up this limit; they only leave less on the order to refund.
 *   <li>A refund is at most what the store's own data shows is left on the order: its total less everything
 *       refunded on it, by the assistant or by the store's staff ({@code amount_exceeds_order}, handed to a person).
 * </ul>
 *
 * They are checked in that order, so a refusal never names a sum the assistant could not refund itself.
 *
 * The assistant's total per order is kept in {@code assistant_refunds} and raised only by a conditional write that
 * keeps it within the limit, before the store is asked: two calls at once, on one node or two, cannot both pass. A
 * refund the store then fails to make is given back.
 */
@Component
class RefundAllowance {

    private final AssistantSpending spending;
    private final Workspaces workspaces;
    private final Clock clock;

    RefundAllowance(AssistantSpending spending, Workspaces workspaces, Clock clock) {
        this.spending = spending;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** Whether the refund may go to the store. */
    sealed interface Decision {}

    /** It may: the amount is already counted against the limit; {@link #giveBack} it if the store fails. */
    record Allowed(Claim claim) implements Decision {}

    record Refused(ToolOutcome.Refused outcome) implements Decision {}

    record Claim(String workspaceId, Mode mode, String orderId, BigDecimal amount) {}

    /**
     * Decides a refund of {@code amount} on the customer's (verified) order and, when allowed, counts it; adds what it
     * judged by to {@code details}.
     */
    Decision claim(ToolInvocation invocation, Order order, BigDecimal amount, Map<String, Object> details) {
        Optional<Refused> refused = beforeCounting(invocation, order, amount, details);
        if (refused.isPresent()) {
            return refused.get();
        }
        BigDecimal limit = workspaces.settings(invocation.workspaceId()).autoRefundLimit();
        boolean counted = spending.addRefund(
                invocation.workspaceId(),
                invocation.mode(),
                order.id(),
                order.number(),
                amount,
                limit,
                clock.instant());
        BigDecimal refunded = spending.refunded(invocation.workspaceId(), invocation.mode(), order.id());
        details.put("refunded_by_assistant", refunded);
        details.put("auto_refund_remaining", limit.subtract(refunded).max(BigDecimal.ZERO));
        if (!counted) {
            return aboveLimit(order, amount, details);
        }
        return new Allowed(new Claim(invocation.workspaceId(), invocation.mode(), order.id(), amount));
    }

    /**
     * What {@link #claim} would refuse now, without counting anything: for stating a refund to the customer before
     * they say yes (when {@link #claim} decides again).
     */
    Optional<Refused> check(ToolInvocation invocation, Order order, BigDecimal amount, Map<String, Object> details) {
        return beforeCounting(invocation, order, amount, details);
    }

    private static Refused aboveLimit(Order order, BigDecimal amount, Map<String, Object> details) {
        return refused(
                "above_auto_refund_limit",
                "A refund of " + OrderAnswers.money(amount, order) + " needs a member of our team to approve it,"
                        + " so I've passed your request on.",
                details,
                true);
    }

    /**
     * The checks in the order a customer should hear them: nothing left at all; then whether the assistant refunds
     * at all, and how much (so a refusal never names a sum it could not pay itself); only then what is left on the
     * order, a sum the assistant could refund. Whatever the assistant cannot do goes to a person.
     */
    private Optional<Refused> beforeCounting(
            ToolInvocation invocation, Order order, BigDecimal amount, Map<String, Object> details) {
        BigDecimal refundable = order.refundable();
        if (order.cancelledAt() != null || refundable.signum() == 0) {
            return Optional.of(refused(
                    "nothing_to_refund",
                    "Order #" + order.number() + " has nothing left to refund (it is "
                            + order.status().wire() + ").",
                    details,
                    false));
        }
        StoreSettings settings = workspaces.settings(invocation.workspaceId());
        BigDecimal limit = settings.autoRefundLimit();
        details.put("auto_refund_limit", limit);
        if (!settings.autoRefundEnabled()) {
            return Optional.of(refused(
                    "auto_refund_disabled",
                    "I can't issue refunds myself, so I've passed your request for " + OrderAnswers.money(amount, order)
                            + " on order #" + order.number() + " to our team.",
                    details,
                    true));
        }
        BigDecimal refunded = spending.refunded(invocation.workspaceId(), invocation.mode(), order.id());
        details.put("refunded_by_assistant", refunded);
        details.put("auto_refund_remaining", limit.subtract(refunded).max(BigDecimal.ZERO));
        if (refunded.add(amount).compareTo(limit) > 0) {
            return Optional.of(aboveLimit(order, amount, details));
        }
        if (amount.compareTo(refundable) > 0) {
            // Within the assistant's limit, so what is left is a sum it could refund; more than that a person decides.
            details.put("refundable", refundable);
            return Optional.of(refused(
                    "amount_exceeds_order",
                    "Only " + OrderAnswers.money(refundable, order) + " is left to refund on order #" + order.number()
                            + ", less than the " + OrderAnswers.money(amount, order) + " you asked for, so I've"
                            + " passed your request to our team.",
                    details,
                    true));
        }
        return Optional.empty();
    }

    /** The store did not make the refund: it no longer counts against the limit. */
    void giveBack(Claim claim) {
        spending.removeRefund(claim.workspaceId(), claim.mode(), claim.orderId(), claim.amount(), clock.instant());
    }

    private static Refused refused(String reason, String message, Map<String, Object> details, boolean escalate) {
        return new Refused(new ToolOutcome.Refused(reason, message, details, escalate));
    }
}
