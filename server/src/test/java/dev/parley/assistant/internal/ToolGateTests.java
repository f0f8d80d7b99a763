package dev.parley.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.ActionTaken;
import dev.parley.assistant.AssistantTool;
import dev.parley.assistant.ToolArguments;
import dev.parley.assistant.ToolInvocation;
import dev.parley.assistant.ToolOutcome;
import dev.parley.assistant.ToolSchema;
import dev.parley.platform.ApiException;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.Mode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolGateTests {

    /** A tool with its own policy, as commerce's refund tool will have: refunds up to 50 only. */
    static final class RefundUpTo50 implements AssistantTool {
        int executions;

        @Override
        public String name() {
            return "refund";
        }

        @Override
        public String description() {
            return "Refund an order";
        }

        @Override
        public ToolSchema parameters() {
            return new ToolSchema(
                    Map.of(
                            "order_number", ToolSchema.Property.string("The order"),
                            "amount", ToolSchema.Property.number("How much", 0.01, 100_000.0),
                            "reason", ToolSchema.Property.oneOf("Why", "damaged", "late", "other")),
                    List.of("order_number", "amount"));
        }

        @Override
        public boolean needsCustomerYes() {
            return true;
        }

        @Override
        public ToolOutcome execute(ToolInvocation invocation) {
            executions++;
            if (invocation.arguments().get("order_number").equals("boom")) {
                throw new IllegalStateException("store unreachable");
            }
            if (invocation.arguments().get("order_number").equals("busy")) {
                throw ApiException.busy();
            }
            BigDecimal amount =
                    new BigDecimal(invocation.arguments().get("amount").toString());
            if (amount.compareTo(new BigDecimal("50")) > 0) {
                return new ToolOutcome.Refused(
                        "over_auto_refund_limit", "A teammate will review this refund.", Map.of("limit", 50), true);
            }
            return new ToolOutcome.Done("refund_processed", "Refunded.", Map.of("amount", amount), List.of(), Map.of());
        }
    }

    final RefundUpTo50 refund = new RefundUpTo50();
    final ToolGate gate = new ToolGate(List.of(refund));

    @Test
    void aNodeOutOfCapacityRefusesTheWholeRequestInsteadOfAnsweringWithoutTheTool() {
        ApiException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                ApiException.class,
                () -> gate.call("refund", invocation(Map.of("order_number", "busy", "amount", 20))));

        assertThat(refused.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(refused.retryAfter()).isPresent();
    }

    @Test
    void runsAValidCallAndRecordsTheAction() {
        ToolGate.Call call = gate.call("refund", invocation(Map.of("order_number", "1001", "amount", 20)));

        assertThat(call.outcome()).isInstanceOf(ToolOutcome.Done.class);
        assertThat(call.action().type()).isEqualTo("refund_processed");
        assertThat(call.action().status()).isEqualTo(ActionTaken.Status.EXECUTED);
    }

    @Test
    void recordsAPolicyRefusalOfTheToolItself() {
        ToolGate.Call call = gate.call("refund", invocation(Map.of("order_number", "1001", "amount", 5000)));

        assertThat(call.outcome())
                .isInstanceOfSatisfying(
                        ToolOutcome.Refused.class, r -> assertThat(r.escalate()).isTrue());
        assertThat(call.action().status()).isEqualTo(ActionTaken.Status.REFUSED);
        assertThat(call.action().details()).containsEntry("reason", "over_auto_refund_limit");
    }

    @Test
    void refusesUnknownToolsAndArgumentsOutsideTheSchemaBeforeTheToolRuns() {
        List<ToolGate.Call> calls = List.of(
                gate.call("wire_money", invocation(Map.of("amount", 5000))),
                gate.call("refund", invocation(Map.of("amount", 20))),
                gate.call("refund", invocation(Map.of("order_number", 1001, "amount", 20))),
                gate.call("refund", invocation(Map.of("order_number", "1001", "amount", "lots"))),
                gate.call("refund", invocation(Map.of("order_number", "1001", "amount", -5))),
                gate.call("refund", invocation(Map.of("order_number", "1001", "amount", 5, "reason", "because"))),
                gate.call("refund", invocation(Map.of("order_number", "1001", "amount", 5, "approve", true))));

        assertThat(calls).allSatisfy(call -> {
            assertThat(call.action().status()).isEqualTo(ActionTaken.Status.REFUSED);
            assertThat(call.outcome()).isInstanceOf(ToolOutcome.Refused.class);
        });
        assertThat(calls.getFirst().action().details()).containsEntry("reason", "unknown_tool");
        assertThat(calls.get(1).action().details()).containsEntry("reason", "invalid_arguments");
        assertThat(refund.executions).isZero();
    }

    @Test
    void turnsAFailingToolIntoAFailedActionInsteadOfAnError() {
        ToolGate.Call call = gate.call("refund", invocation(Map.of("order_number", "boom", "amount", 5)));

        assertThat(call.action().status()).isEqualTo(ActionTaken.Status.FAILED);
        assertThat(call.outcome()).isInstanceOf(ToolOutcome.Refused.class);
    }

    @Test
    void describesItsToolsAsJsonSchemaForModels() {
        Map<String, Object> schema = refund.parameters().asJsonSchema();

        assertThat(schema).containsEntry("type", "object").containsEntry("required", List.of("order_number", "amount"));
        assertThat(schema.get("properties").toString()).contains("enum=[damaged, late, other]");
    }

    private static ToolInvocation invocation(Map<String, Object> arguments) {
        return new ToolInvocation("store_x", Mode.LIVE, "conv_x", "refund me", ToolArguments.of(arguments), Map.of());
    }
}
