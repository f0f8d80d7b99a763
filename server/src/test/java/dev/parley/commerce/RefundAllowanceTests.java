package dev.parley.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The order in which a refund is refused, and what the customer hears: whether the assistant refunds at all, then its
 * limit, then what is left on the order; a refusal never names a sum the assistant could not pay itself, and what it
 * cannot do goes to a person. A refund for damage needs the goods delivered.
 */
@ApiTest
@Tag("database")
class RefundAllowanceTests {

    /** Order #1003 of the demo store: 305.98, maria@example.com, delivered. */
    static final String DELIVERED = "1003";

    /** Order #1004: alex@example.com, placed hours ago, not shipped. */
    static final String UNSHIPPED = "1004";

    /** Order #1001: jane@example.com, shipped and in transit. */
    static final String IN_TRANSIT = "1001";

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
    void withRefundsOffMoreThanTheOrderIsPassedOnWithoutNamingWhatIsLeft() {
        JsonNode refused = refund(DELIVERED, 500.00, "maria@example.com", Map.of());

        assertThat(refused.at("/action/details/reason").asString())
                .as(refused.toString())
                .isEqualTo("auto_refund_disabled");
        assertThat(refused.path("escalate").asBoolean()).isTrue();
        assertThat(refused.path("result").asString())
                .contains("passed your request")
                .doesNotContain("305.98")
                .doesNotContain("at most");
    }

    @Test
    void aboveTheLimitComesBeforeWhatIsLeftOnTheOrder() {
        refundsOn(50.00);

        JsonNode refused = refund(DELIVERED, 500.00, "maria@example.com", Map.of());

        assertThat(refused.at("/action/details/reason").asString())
                .as(refused.toString())
                .isEqualTo("above_auto_refund_limit");
        assertThat(refused.path("escalate").asBoolean()).isTrue();
        assertThat(refused.path("result").asString()).doesNotContain("305.98");
    }

    @Test
    void moreThanIsLeftButWithinTheLimitNamesWhatIsLeftAndGoesToAPerson() {
        refundsOn(1000.00);

        JsonNode refused = refund(DELIVERED, 400.00, "maria@example.com", Map.of());

        assertThat(refused.at("/action/details/reason").asString())
                .as(refused.toString())
                .isEqualTo("amount_exceeds_order");
        assertThat(refused.path("escalate").asBoolean()).isTrue();
        assertThat(refused.path("result").asString()).contains("305.98").contains("passed your request");
    }

    @Test
    void aCustomerAskingForMoreThanTheOrderWithRefundsOffIsHandedToAPerson() {
        Api.Response asked = api.post(
                "/v1/conversations",
                Map.of(
                        "customer_email", "maria@example.com",
                        "initial_message", "please refund 500 dollars to my card on order 1003"));

        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        assertThat(asked.json().at("/response/content").asString())
                .as(asked.toString())
                .doesNotContain("305.98")
                .contains("team");
        assertThat(asked.json().path("escalated").asBoolean()).isTrue();
    }

    @Test
    void aRefundForDamageOnAnOrderNotYetShippedIsRefusedWithACancellationOffered() {
        refundsOn(50.00);

        JsonNode byReason = refund(UNSHIPPED, 5.00, "alex@example.com", Map.of(), "the socks had a hole");
        JsonNode byMessage = refund(UNSHIPPED, 5.00, "alex@example.com", Map.of("reported_problem", "damaged"));

        for (JsonNode refused : new JsonNode[] {byReason, byMessage}) {
            assertThat(refused.path("status").asString()).as(refused.toString()).isEqualTo("refused");
            assertThat(refused.at("/action/details/reason").asString()).isEqualTo("not_delivered");
            assertThat(refused.at("/action/details/suggestion").asString()).isEqualTo("cancel_order");
            assertThat(refused.path("result").asString())
                    .contains("hasn't shipped")
                    .contains("cancel");
        }
        assertThat(api.get("/v1/orders/" + UNSHIPPED).json().path("refunded").decimalValue())
                .isZero();
    }

    @Test
    void aRefundForDamageOnAnOrderStillOnItsWayWaitsForItToArrive() {
        refundsOn(50.00);

        JsonNode refused = refund(IN_TRANSIT, 5.00, "jane@example.com", Map.of(), "it arrived broken");

        assertThat(refused.at("/action/details/reason").asString())
                .as(refused.toString())
                .isEqualTo("not_delivered");
        assertThat(refused.path("result").asString()).contains("still on its way");
    }

    @Test
    void aRefundForDamageOnADeliveredOrderOrWithoutAProblemIsStillMade() {
        refundsOn(50.00);

        JsonNode damaged = refund(DELIVERED, 5.00, "maria@example.com", Map.of(), "the boots had a hole");
        JsonNode unshipped = refund(UNSHIPPED, 5.00, "alex@example.com", Map.of(), "changed my mind");

        assertThat(damaged.path("status").asString()).as(damaged.toString()).isEqualTo("executed");
        assertThat(unshipped.path("status").asString()).as(unshipped.toString()).isEqualTo("executed");
    }

    @Test
    void aCustomerReportingDamageOnAnOrderNotYetShippedIsNotRefunded() {
        refundsOn(50.00);

        Api.Response asked = api.post(
                "/v1/conversations",
                Map.of(
                        "customer_email", "alex@example.com",
                        "initial_message", "pls refund 5 dollars on order 1004, the socks had a hole"));
        String conversation = asked.json().path("conversation_id").asString();
        Api.Response yes = api.post("/v1/conversations/" + conversation + "/messages", Map.of("content", "yes"));

        assertThat(asked.json().at("/response/content").asString()
                        + yes.json().at("/response/content").asString())
                .as(asked + " / " + yes)
                .doesNotContain("I've refunded");
        assertThat(api.get("/v1/orders/" + UNSHIPPED).json().path("refunded").decimalValue())
                .isZero();
    }

    private void refundsOn(double limit) {
        assertThat(api.patch(
                                "/v1/stores/" + workspace.id(),
                                Map.of("settings", Map.of("auto_refund_enabled", true, "auto_refund_limit", limit)))
                        .status())
                .isEqualTo(200);
    }

    private JsonNode refund(String order, double amount, String email, Map<String, String> facts) {
        return refund(order, amount, email, facts, null);
    }

    private JsonNode refund(String order, double amount, String email, Map<String, String> facts, String reason) {
        Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        parameters.put("order_number", order);
        parameters.put("amount", amount);
        if (reason != null) {
            parameters.put("reason", reason);
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(facts);
        all.put("email_given", email);
        Api.Response response =
                api.post("/v1/test/tool-execution", Map.of("tool", "refund", "parameters", parameters, "facts", all));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
