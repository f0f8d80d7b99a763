package dev.parley.assistant;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Tools that exist only in tests, so a model's tool calls can be followed through the gate. */
@TestConfiguration(proxyBeanMethods = false)
public class ToolsForTests {

    /** A refund tool with its own policy, as commerce's will have: up to 50, above that a teammate decides. */
    public static final class TestRefund implements AssistantTool {

        public final AtomicInteger executions = new AtomicInteger();

        @Override
        public String name() {
            return "test_refund";
        }

        @Override
        public String description() {
            return "Refund an order (a tool of the tests)";
        }

        @Override
        public ToolSchema parameters() {
            return new ToolSchema(
                    Map.of(
                            "order_number", ToolSchema.Property.string("The order"),
                            "amount", ToolSchema.Property.number("How much", 0.01, 100_000.0)),
                    List.of("order_number", "amount"));
        }

        /** Runs as soon as it is called, so the tests follow a model's call through the gate to the tool itself. */
        @Override
        public boolean needsCustomerYes() {
            return false;
        }

        @Override
        public ToolOutcome execute(ToolInvocation invocation) {
            executions.incrementAndGet();
            BigDecimal amount =
                    new BigDecimal(invocation.arguments().get("amount").toString());
            if (amount.compareTo(new BigDecimal("50")) > 0) {
                return new ToolOutcome.Refused(
                        "over_auto_refund_limit", "A teammate will review this refund.", Map.of("limit", 50), true);
            }
            return new ToolOutcome.Done(
                    "refund_processed",
                    "Refunded " + amount + ".",
                    Map.of(
                            "amount",
                            amount,
                            "order_number",
                            invocation.arguments().get("order_number")),
                    List.of(),
                    Map.of());
        }
    }

    @Bean
    TestRefund testRefund() {
        return new TestRefund();
    }
}
