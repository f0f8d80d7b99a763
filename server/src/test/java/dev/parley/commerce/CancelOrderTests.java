package dev.parley.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.Concurrently;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The {@code cancel_order} store tool on the demo store (orders in {@code docs/demo-store.md}): only the customer's
 * own order, only before it ships (after, a return is offered), once however often or concurrently it is asked, and
 * a test key cancels only the test copy of the order.
 */
@ApiTest
@Tag("database")
class CancelOrderTests {

    /** Order #1004 of the demo store: alex@example.com, placed today, not shipped. */
    static final String UNSHIPPED = "1004";

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    TestWorkspace workspace;
    Api api;

    @BeforeEach
    void connectTheDemoStore() {
        workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
        assertThat(api.send("PUT", "/v1/store/connection", Map.of("platform", "demo"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void cancelsAnUnshippedOrderOnceAndReturnsThePayment() {
        JsonNode before = api.get("/v1/orders/" + UNSHIPPED).json();
        assertThat(before.path("status").asString()).isEqualTo("unfulfilled");

        JsonNode cancelled = cancel(api, UNSHIPPED, "alex@example.com");

        assertThat(cancelled.path("status").asString()).as(cancelled.toString()).isEqualTo("executed");
        assertThat(cancelled.at("/action/type").asString()).isEqualTo("order_cancelled");
        assertThat(cancelled.at("/action/details/refund_amount").decimalValue())
                .isEqualByComparingTo(before.path("total").decimalValue());
        assertThat(cancelled.path("result").asString())
                .contains("cancelled order #1004")
                .contains("original payment method");
        JsonNode after = api.get("/v1/orders/" + UNSHIPPED).json();
        assertThat(after.path("status").asString()).isEqualTo("cancelled");

        // asked again, nothing more happens
        JsonNode again = cancel(api, UNSHIPPED, "alex@example.com");
        assertThat(again.path("status").asString()).isEqualTo("refused");
        assertThat(again.at("/action/details/reason").asString()).isEqualTo("already_cancelled");
        assertThat(again.path("result").asString()).contains("already cancelled");
        assertThat(api.get("/v1/orders/" + UNSHIPPED).json()).isEqualTo(after);
    }

    @Test
    void aShippedOrderIsNotCancelledAndAReturnIsOfferedInstead() {
        JsonNode inTransit = cancel(api, "1001", "jane@example.com");
        assertThat(inTransit.path("status").asString()).as(inTransit.toString()).isEqualTo("refused");
        assertThat(inTransit.at("/action/details/reason").asString()).isEqualTo("already_fulfilled");
        assertThat(inTransit.at("/action/details/suggestion").asString()).isEqualTo("request_return");
        assertThat(inTransit.path("result").asString())
                .contains("already shipped")
                .contains("can no longer be cancelled")
                .contains("return it within 30 days");
        assertThat(inTransit.path("escalate").asBoolean()).isFalse();

        JsonNode delivered = cancel(api, "1002", "john@example.com");
        assertThat(delivered.at("/action/details/reason").asString()).isEqualTo("already_fulfilled");
        assertThat(delivered.path("result").asString()).contains("start a return");

        assertThat(api.get("/v1/orders/1001").json().path("status").asString()).isEqualTo("in_transit");
        assertThat(api.get("/v1/orders/1002").json().path("status").asString()).isEqualTo("delivered");
    }

    @Test
    void anOrderIsCancelledOnlyForItsOwnCustomer() {
        JsonNode stranger = cancel(api, UNSHIPPED, "jane@example.com");
        assertThat(stranger.at("/action/details/reason").asString()).isEqualTo("order_not_verified");
        JsonNode nobody = api.post(
                        "/v1/test/tool-execution",
                        Map.of("tool", "cancel_order", "parameters", Map.of("order_number", UNSHIPPED)))
                .json();
        assertThat(nobody.path("status").asString()).isEqualTo("needs_info");
        assertThat(api.get("/v1/orders/" + UNSHIPPED).json().path("status").asString())
                .isEqualTo("unfulfilled");
    }

    @Test
    void concurrentRequestsCancelTheOrderOnce() {
        // The demo store's orders are loaded on first use: load them before the calls race.
        assertThat(api.get("/v1/orders/" + UNSHIPPED).status()).isEqualTo(200);
        List<Api> keys = List.of(api, Api.at(port).withKey(fixtures.key(workspace.id(), Mode.LIVE, Scope.values())));

        List<JsonNode> outcomes = Concurrently.run(6, i -> cancel(keys.get(i % 2), UNSHIPPED, "alex@example.com"));

        assertThat(outcomes)
                .filteredOn(o -> o.path("status").asString().equals("executed"))
                .hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> !o.path("status").asString().equals("executed"))
                .hasSize(5)
                .allSatisfy(o ->
                        assertThat(o.at("/action/details/reason").asString()).isEqualTo("already_cancelled"));
    }

    @Test
    void aTestKeyCancelsTheTestCopyAndNeverTheLiveOrder() {
        Api test = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.TEST, Scope.values()));

        JsonNode cancelled = cancel(test, UNSHIPPED, "alex@example.com");

        assertThat(cancelled.path("status").asString()).as(cancelled.toString()).isEqualTo("executed");
        assertThat(test.get("/v1/orders/" + UNSHIPPED).json().path("status").asString())
                .isEqualTo("cancelled");
        assertThat(api.get("/v1/orders/" + UNSHIPPED).json().path("status").asString())
                .isEqualTo("unfulfilled");
        // and the live order is still the live customer's to cancel
        assertThat(cancel(api, UNSHIPPED, "alex@example.com").path("status").asString())
                .isEqualTo("executed");
    }

    static JsonNode cancel(Api api, String order, String email) {
        Api.Response response = api.post(
                "/v1/test/tool-execution",
                Map.of(
                        "tool", "cancel_order",
                        "parameters", Map.of("order_number", order, "reason", "Ordered the wrong size"),
                        "facts", Map.of("email_given", email)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
