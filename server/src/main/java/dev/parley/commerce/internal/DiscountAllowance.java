package dev.parley.commerce.internal;

import dev.parley.assistant.ToolInvocation;
import dev.parley.assistant.ToolOutcome;
import dev.parley.platform.Digests;
import dev.parley.platform.Mode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which apology discount the assistant may give: the rule in one place, whatever a model asks for and however often.
 * A code is at most the store connection's {@code max_discount_percent} ({@code above_discount_cap}), and the
 * assistant gives at most one code per conversation and one per customer ({@code discount_already_given}). The
 * customer is who the conversation knows them to be ({@link OrderAccess#customerEmail}: a signed customer token, or
 * the email they gave); a conversation that does not know yet is held to its one code. Both are claimed together in
 * {@code assistant_discounts} before the store is asked, under a primary key each, so concurrent calls on any node
 * give one code; a code the store then fails to make is given back.
 */
@Component
class DiscountAllowance {

    private final AssistantSpending spending;
    private final OrderAccess access;
    private final Clock clock;

    DiscountAllowance(AssistantSpending spending, OrderAccess access, Clock clock) {
        this.spending = spending;
        this.access = access;
        this.clock = clock;
    }

    /** Whether the code may be made at the store. */
    sealed interface Decision {}

    /** It may, and it is already recorded as given; {@link #giveBack} it if the store fails. */
    record Allowed(Claim claim) implements Decision {}

    record Refused(ToolOutcome.Refused outcome) implements Decision {}

    record Claim(String workspaceId, Mode mode, List<String> holders) {}

    Decision claim(
            ToolInvocation invocation,
            StoreConnection connection,
            int percent,
            String code,
            Map<String, Object> details) {
        int cap = connection.maxDiscountPercent();
        details.put("max_discount_percent", cap);
        List<String> holders = holders(invocation, connection);
        // A conversation's memory also knows a code given before codes were recorded here.
        Optional<String> given = Optional.ofNullable(invocation.facts().get("discount_code"))
                .or(() -> spending.discountOf(invocation.workspaceId(), invocation.mode(), holders));
        if (given.isEmpty() && (percent > cap || cap == 0)) {
            return new Refused(new ToolOutcome.Refused(
                    "above_discount_cap", "I'm not able to offer a discount of " + percent + "%.", details, false));
        }
        if (given.isEmpty()
                && spending.addDiscount(invocation.workspaceId(), invocation.mode(), holders, code, clock.instant())) {
            return new Allowed(new Claim(invocation.workspaceId(), invocation.mode(), holders));
        }
        String held = given.or(() -> spending.discountOf(invocation.workspaceId(), invocation.mode(), holders))
                .orElse(code);
        details.put("code", held);
        return new Refused(new ToolOutcome.Refused(
                "discount_already_given",
                "You already have the discount code " + held + "; I can give one code per customer.",
                details,
                false));
    }

    /** The store did not make the code: it is no longer given. */
    void giveBack(Claim claim) {
        spending.removeDiscount(claim.workspaceId(), claim.mode(), claim.holders());
    }

    /** The key under which a customer's code is kept: a hash of their email, never the address. */
    static String customer(String email) {
        return "customer:" + Digests.sha256Hex(email.strip().toLowerCase(Locale.ROOT));
    }

    private List<String> holders(ToolInvocation invocation, StoreConnection connection) {
        List<String> holders = new ArrayList<>();
        if (invocation.conversationId() != null) {
            holders.add("conversation:" + invocation.conversationId());
        }
        access.customerEmail(invocation, connection)
                .map(DiscountAllowance::customer)
                .ifPresent(holders::add);
        return holders;
    }
}
