package dev.parley.commerce.internal;

import dev.parley.assistant.ToolInvocation;
import dev.parley.assistant.ToolOutcome;
import dev.parley.commerce.internal.OrderAccess.Denied;
import dev.parley.commerce.internal.OrderAccess.Granted;
import dev.parley.commerce.internal.StoreConnector.Order;
import dev.parley.tenancy.DiscountPolicy;
import dev.parley.tenancy.Workspaces;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Whether the assistant may give a discount code at all, by the store's {@code settings.discount_policy}, whatever a
 * model or a customer asks: with {@code never}, no code; with {@code service_recovery}, only to make up for a
 * confirmed problem with the customer's own order ({@link OrderAccess}) while the customer is unhappy about it
 * (negative or frustrated in this turn). A problem is confirmed when the store's data shows the order late (not
 * delivered after its estimated delivery), or when the customer reports it damaged or the wrong item and the store
 * shows it delivered. Asking for a code, or being unhappy about anything else, is no reason. How much and how often
 * is {@link DiscountAllowance}'s.
 */
@Component
class ServiceRecovery {

    static final String NOT_ON_REQUEST = "I'm not able to give discount codes on request. If something went wrong with"
            + " one of your orders, tell me its order number and I'll look into it.";

    private static final Set<String> UNHAPPY = Set.of("negative", "frustrated");

    private final Workspaces workspaces;
    private final OrderAccess access;
    private final Clock clock;

    ServiceRecovery(Workspaces workspaces, OrderAccess access, Clock clock) {
        this.workspaces = workspaces;
        this.access = access;
        this.clock = clock;
    }

    /** What went wrong with the order, as the action records it. */
    enum Problem {
        LATE_ORDER("late_order"),
        DAMAGED("damaged_order"),
        WRONG_ITEM("wrong_item");

        final String wire;

        Problem(String wire) {
            this.wire = wire;
        }

        String apology(Order order) {
            return switch (this) {
                case LATE_ORDER -> "I'm sorry that order #" + order.number() + " is running late.";
                case DAMAGED -> "I'm sorry that order #" + order.number() + " arrived damaged.";
                case WRONG_ITEM -> "I'm sorry that order #" + order.number() + " came with the wrong item.";
            };
        }
    }

    sealed interface Verdict {}

    /** A code may make up for this problem with this order (within {@link DiscountAllowance}). */
    record Qualifies(Granted order, Problem problem) implements Verdict {}

    record Refused(ToolOutcome outcome) implements Verdict {}

    Verdict decide(ToolInvocation invocation, Map<String, Object> details) {
        DiscountPolicy policy = workspaces.settings(invocation.workspaceId()).discountPolicy();
        details.put("discount_policy", policy.wire());
        if (policy == DiscountPolicy.NEVER) {
            return refused("discounts_not_offered", "I'm sorry, I'm not able to offer discount codes.", details);
        }
        if (!UNHAPPY.contains(invocation.facts().get(ToolInvocation.CUSTOMER_SENTIMENT))) {
            return refused("not_service_recovery", NOT_ON_REQUEST, details);
        }
        return switch (access.order(invocation)) {
            case Denied denied
            when denied.outcome() instanceof ToolOutcome.Refused r && r.reason().equals("store_unavailable") ->
                new Refused(denied.outcome());
            case Denied denied -> refused("not_service_recovery", NOT_ON_REQUEST, details);
            case Granted granted -> {
                details.put("order_number", granted.order().number());
                yield problem(granted.order(), invocation)
                        .<Verdict>map(problem -> {
                            details.put("service_recovery", problem.wire);
                            return new Qualifies(granted, problem);
                        })
                        .orElseGet(() -> refused("not_service_recovery", NOT_ON_REQUEST, details));
            }
        };
    }

    private Optional<Problem> problem(Order order, ToolInvocation invocation) {
        if (order.lateAt(clock.instant())) {
            return Optional.of(Problem.LATE_ORDER);
        }
        // A refund in full has made up for the order already.
        if (order.deliveredAt() == null
                || order.cancelledAt() != null
                || order.financialStatus() == StoreConnector.FinancialStatus.REFUNDED) {
            return Optional.empty();
        }
        return switch (String.valueOf(invocation.facts().get(ToolInvocation.REPORTED_PROBLEM))) {
            case "damaged" -> Optional.of(Problem.DAMAGED);
            case "wrong_item" -> Optional.of(Problem.WRONG_ITEM);
            default -> Optional.empty();
        };
    }

    private static Refused refused(String reason, String message, Map<String, Object> details) {
        return new Refused(new ToolOutcome.Refused(reason, message, details, false));
    }
}
