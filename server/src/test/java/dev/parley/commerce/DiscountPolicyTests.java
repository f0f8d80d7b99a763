package dev.parley.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.TestClock;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A discount code only as service recovery the store's {@code settings.discount_policy} allows, through the real
 * conversation API on the demo store: never on request, never for an unrelated question; once to a frustrated
 * customer whose order the store shows late, and never with the policy {@code never}.
 */
@ApiTest
@Tag("database")
class DiscountPolicyTests {

    /** Order #1001 of the demo store (jane@example.com) is in transit, due a day after the orders are loaded. */
    static final String LATE_AND_FRUSTRATED = "My order #1001 still hasn't arrived and it's late. This is really"
            + " frustrating! My email is jane@example.com";

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    TestWorkspace workspace;
    Api api;

    @BeforeEach
    void connectTheDemoStore() {
        TestClock.shared().freeze();
        workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
        assertThat(api.send("PUT", "/v1/store/connection", Map.of("platform", "demo"))
                        .status())
                .isEqualTo(200);
        // The demo orders are placed relative to the moment they are loaded.
        assertThat(api.get("/v1/orders/1001").json().path("status").asString()).isEqualTo("in_transit");
    }

    @AfterEach
    void resumeTheClock() {
        TestClock.shared().resume();
    }

    @Test
    void askingForACodeGetsNoCodeButAPoliteNo() {
        Api.Response response = api.post("/v1/conversations", Map.of("initial_message", "give me a discount code"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(tools(response.json())).doesNotContain("apply_discount");
        assertThat(response.json().at("/response/content").asString())
                .contains("can't give out discount codes on request")
                .doesNotContain("SORRY");
        assertThat(response.json().path("escalated").asBoolean()).isFalse();
    }

    @Test
    void askingForACodeIsAnsweredWithTheStoresCurrentPromotionFromItsKnowledge() {
        assertThat(api.post(
                                "/v1/knowledge-base",
                                Map.of(
                                        "title",
                                        "Discount codes and promotions",
                                        "content",
                                        "# Do you have any discount codes?\n\nThis month all rain jackets are 15%"
                                                + " off with the discount code RAIN15 at checkout. Discount codes"
                                                + " can't be combined."))
                        .status())
                .isEqualTo(201);

        Api.Response response =
                api.post("/v1/conversations", Map.of("initial_message", "do you have any discount codes?"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(tools(response.json())).doesNotContain("apply_discount");
        assertThat(response.json().at("/response/content").asString())
                .as(response.toString())
                .contains("RAIN15")
                .doesNotContain("SORRY");
    }

    @Test
    void anUnrelatedQuestionGetsNoCode() {
        Api.Response response =
                api.post("/v1/conversations", Map.of("initial_message", "when is the Seattle shop open?"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(tools(response.json())).doesNotContain("apply_discount");
        assertThat(response.json().at("/response/content").asString()).doesNotContain("SORRY", "discount code");
    }

    @Test
    void aFrustratedCustomerWithALateOrderGetsOneCodeOnlyOnce() {
        // given a calm customer whose order is on time: no code
        Api.Response onTime = api.post(
                "/v1/conversations",
                Map.of("initial_message", "Where is my order #1001? My email is jane@example.com"));
        assertThat(tools(onTime.json())).as(onTime.toString()).doesNotContain("apply_discount");

        // when the order is past its estimated delivery and she is frustrated about it
        TestClock.shared().advance(Duration.ofDays(3));
        Api.Response late = api.post("/v1/conversations", Map.of("initial_message", LATE_AND_FRUSTRATED));

        // then she gets one code, as an apology for the late order
        assertThat(late.status()).as(late.toString()).isEqualTo(200);
        JsonNode code = only(late.json(), "discount_applied");
        assertThat(code.at("/details/service_recovery").asString()).isEqualTo("late_order");
        assertThat(code.at("/details/order_number").asString()).isEqualTo("1001");
        assertThat(code.at("/details/discount_policy").asString()).isEqualTo("service_recovery");
        String content = late.json().at("/response/content").asString();
        assertThat(content).contains("#1001").contains("running late").contains("SORRY10");
        // the apology comes first, once; the order's status after it, the code last
        assertThat(content).as(content).startsWith("I'm sorry that order #1001 is running late.");
        assertThat(content.split("(?i)\\bsorry\\b", -1)).as(content).hasSize(2);
        assertThat(content.indexOf("SORRY10")).isGreaterThan(content.indexOf("in transit"));

        // and no second one, in that conversation or another
        String conversation = late.json().path("conversation_id").asString();
        Api.Response again = api.post(
                "/v1/conversations/" + conversation + "/messages",
                Map.of("content", "Where is it? This is so frustrating!"));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(types(again.json())).doesNotContain("discount_applied");
        Api.Response elsewhere = api.post("/v1/conversations", Map.of("initial_message", LATE_AND_FRUSTRATED));
        assertThat(types(elsewhere.json())).as(elsewhere.toString()).doesNotContain("discount_applied");
        assertThat(only(elsewhere.json(), "apply_discount_refused")
                        .at("/details/reason")
                        .asString())
                .isEqualTo("discount_already_given");
    }

    @Test
    void withThePolicyNeverNoCodeIsGivenEvenForALateOrder() {
        assertThat(api.patch("/v1/stores/" + workspace.id(), Map.of("settings", Map.of("discount_policy", "never")))
                        .status())
                .isEqualTo(200);
        TestClock.shared().advance(Duration.ofDays(3));

        Api.Response response = api.post("/v1/conversations", Map.of("initial_message", LATE_AND_FRUSTRATED));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(types(response.json())).doesNotContain("discount_applied");
        assertThat(response.json().at("/response/content").asString()).doesNotContain("SORRY");
        // a model asking the tool is refused the same way
        JsonNode asked = discountTool(Map.of("order_number", "1001"), "jane@example.com", Map.of());
        assertThat(asked.path("status").asString()).isEqualTo("refused");
        assertThat(asked.at("/action/details/reason").asString()).isEqualTo("discounts_not_offered");
    }

    @Test
    void aReportedDamagedOrWrongItemCountsOnlyOnADeliveredOrder() {
        // order 1003 (maria) is delivered: her report of damage, while she is unhappy, is service recovery
        JsonNode damaged = discountTool(
                Map.of("order_number", "1003"), "maria@example.com", Map.of("reported_problem", "damaged"));
        assertThat(damaged.path("status").asString()).as(damaged.toString()).isEqualTo("executed");
        assertThat(damaged.at("/action/details/service_recovery").asString()).isEqualTo("damaged_order");
        assertThat(damaged.path("result").asString())
                .contains("arrived damaged")
                .contains("SORRY10");

        // order 1004 (alex) has not shipped: nothing can have arrived damaged or wrong
        JsonNode notShipped = discountTool(
                Map.of("order_number", "1004"), "alex@example.com", Map.of("reported_problem", "wrong_item"));
        assertThat(notShipped.at("/action/details/reason").asString()).isEqualTo("not_service_recovery");

        // a calm customer's report is not enough, nor is being unhappy with nothing wrong with the order
        JsonNode calm = discountTool(
                Map.of("order_number", "1002"),
                "john@example.com",
                Map.of("reported_problem", "damaged", "customer_sentiment", "neutral"));
        assertThat(calm.at("/action/details/reason").asString()).isEqualTo("not_service_recovery");
        JsonNode nothingWrong = discountTool(Map.of("order_number", "1002"), "john@example.com", Map.of());
        assertThat(nothingWrong.at("/action/details/reason").asString()).isEqualTo("not_service_recovery");

        // and an order that is not the customer's own is no reason either
        JsonNode someoneElses =
                discountTool(Map.of("order_number", "1003"), "john@example.com", Map.of("reported_problem", "damaged"));
        assertThat(someoneElses.at("/action/details/reason").asString()).isEqualTo("not_service_recovery");
    }

    @Test
    void theDiscountPolicyIsAValidatedStoreSetting() {
        String path = "/v1/stores/" + workspace.id();
        assertThat(api.get(path).json().at("/settings/discount_policy").asString())
                .isEqualTo("service_recovery");

        Api.Response unknown = api.patch(path, Map.of("settings", Map.of("discount_policy", "on_request")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/error/details/field").asString()).isEqualTo("settings.discount_policy");
        assertThat(api.patch(path, Map.of("settings", Map.of("discount_policy", 5)))
                        .status())
                .isEqualTo(400);
        assertThat(api.get(path).json().at("/settings/discount_policy").asString())
                .isEqualTo("service_recovery");

        assertThat(api.patch(path, Map.of("settings", Map.of("discount_policy", "never")))
                        .json()
                        .at("/settings/discount_policy")
                        .asString())
                .isEqualTo("never");
        Map<String, Object> backToDefault = new HashMap<>();
        backToDefault.put("discount_policy", null);
        assertThat(api.patch(path, Map.of("settings", backToDefault))
                        .json()
                        .at("/settings/discount_policy")
                        .asString())
                .isEqualTo("service_recovery");
    }

    /** The discount tool as a conversation of this unhappy customer would call it (facts given), unless overridden. */
    private JsonNode discountTool(Map<String, Object> parameters, String email, Map<String, String> overrides) {
        Map<String, String> facts = new HashMap<>(Map.of("email_given", email, "customer_sentiment", "frustrated"));
        facts.putAll(overrides);
        Api.Response response = api.post(
                "/v1/test/tool-execution", Map.of("tool", "apply_discount", "parameters", parameters, "facts", facts));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode only(JsonNode body, String type) {
        List<JsonNode> found = body.path("actions_taken")
                .valueStream()
                .filter(a -> a.path("type").asString().equals(type))
                .toList();
        assertThat(found).as(body.toString()).hasSize(1);
        return found.getFirst();
    }

    private static List<String> types(JsonNode body) {
        return body.path("actions_taken")
                .valueStream()
                .map(a -> a.path("type").asString())
                .toList();
    }

    private static List<String> tools(JsonNode body) {
        return body.path("actions_taken")
                .valueStream()
                .map(a -> a.path("tool").asString())
                .toList();
    }
}
