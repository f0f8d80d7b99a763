package dev.parley.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.internal.understanding.Entities;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorePlanTests {

    static final Map<String, String> KNOWN_ORDER = Map.of("order_number", "1001");

    @Test
    void readsARefundsStatusFromItsOrderAndStartsAnExchangeAsAReturn() {
        assertThat(tool("refund_status", "track my refund please", KNOWN_ORDER)).contains("order_status");
        assertThat(tool("order_status", "track my parcel please", KNOWN_ORDER)).contains("track_order");
        assertThat(tool("exchange", "swap these boots for a size 9", KNOWN_ORDER))
                .contains("request_return");
        assertThat(tool("return_request", "send these boots back", KNOWN_ORDER)).contains("request_return");
    }

    @Test
    void leavesQuestionsAboutNoOrderInParticularToTheKnowledge() {
        assertThat(tool("exchange", "do you do exchanges", Map.of())).isEmpty();
        assertThat(tool("refund_policy", "do you refund shipping", KNOWN_ORDER)).isEmpty();
        assertThat(tool("delivery_time", "how long does delivery take", KNOWN_ORDER))
                .isEmpty();
        assertThat(tool("cancellation_fee", "is there a fee to cancel", KNOWN_ORDER))
                .isEmpty();
    }

    @Test
    void searchesTheCatalogueForAStockQuestion() {
        Optional<StorePlan.Step> step =
                StorePlan.next("stock_availability", 0.9, "is the blue hoodie back in stock", Entities.NONE, Map.of());

        assertThat(step).hasValueSatisfying(s -> {
            assertThat(s.tool()).isEqualTo("search_products");
            assertThat(s.arguments()).containsEntry("query", "blue hoodie");
        });
    }

    private static Optional<String> tool(String intent, String message, Map<String, String> facts) {
        return StorePlan.next(intent, 0.9, message, Entities.NONE, facts).map(StorePlan.Step::tool);
    }
}
