package dev.parley.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Caller;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Shoppers' conversations on the demo store (orders in {@code docs/demo-store.md}), turn by turn through the public
 * API, without a model: slots carried across turns, a bare value taken as the answer to the question asked, one
 * question at a time in new words, an upset customer met with an apology and a next step, a consequential action
 * stated and done only on a yes, a store's own server trusted for its customer, and nothing of an order shown to a
 * visitor who has not proven it is theirs.
 */
@ApiTest
@Tag("database")
class ShopperTaskFlowTests {

    static final String ORIGIN = "https://shop.example";

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    TestWorkspace workspace;
    Api api;

    @BeforeEach
    void connectTheDemoStore() {
        workspace = fixtures.workspace("enterprise", "shop.example");
        api = Api.at(port).withKey(workspace.liveKey());
        assertThat(api.send("PUT", "/v1/store/connection", Map.of("platform", "demo"))
                        .status())
                .isEqualTo(200);
        waitForTheUnderstandingModels();
    }

    /**
     * The server's first turn waits for the intent models to train, which on a loaded machine takes longer than the
     * test client waits for one answer: wait for them once, outside the dialogues.
     */
    private void waitForTheUnderstandingModels() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                api.post("/v1/conversations", Map.of("initial_message", "hello"));
                return;
            } catch (IllegalStateException timedOut) {
                // still training: ask again
            }
        }
    }

    @Test
    void carriesTheOrderNumberAcrossTurnsAndMeetsFrustrationWithAnApologyNotTheSameQuestion() {
        Api.Response first = api.post("/v1/conversations", Map.of("initial_message", "Where is my order?"));
        String conversation = first.json().path("conversation_id").asString();
        assertThat(reply(first)).containsIgnoringCase("order number").doesNotContainIgnoringCase("email address");

        Api.Response second = say(conversation, "It's 1001");
        assertThat(reply(second))
                .contains("#1001")
                .containsIgnoringCase("email")
                .doesNotContainIgnoringCase("order number?")
                .doesNotContain("1Z");

        Api.Response upset = say(conversation, "It was supposed to arrive yesterday. This is frustrating!");
        assertThat(reply(upset))
                .as(upset.toString())
                .contains("sorry")
                .containsIgnoringCase("email")
                .isNotEqualTo(reply(second))
                .doesNotContain("1Z");
        assertThat(upset.json().path("escalated").asBoolean()).isFalse();

        Api.Response answered = say(conversation, "jane@example.com");
        assertThat(reply(answered)).contains("#1001").contains("in transit").contains("1Z");
        assertThat(actions(answered)).contains("order_status_checked");
    }

    @Test
    void neverAsksForTheSameThingInTheSameWordsTwiceInARow() {
        Api.Response first = api.post("/v1/conversations", Map.of("initial_message", "Where is my order #1001?"));
        String conversation = first.json().path("conversation_id").asString();

        Api.Response again = say(conversation, "where is my order 1001");

        assertThat(reply(first)).containsIgnoringCase("email");
        assertThat(reply(again)).containsIgnoringCase("email").isNotEqualTo(reply(first));
    }

    @Test
    void startsAReturnAskedForInOneMessageOnceTheCustomerSaysYes() {
        Api.Response asked = api.post(
                "/v1/conversations",
                Map.of("initial_message", "I'd like to return my order 1003. My email is maria@example.com"));

        assertThat(reply(asked))
                .isEqualTo("Just to confirm: I'll start a return for order #1003 and give you a return label."
                        + " Shall I go ahead? Please reply yes or no.");
        assertThat(actions(asked)).containsExactly("confirmation_requested");

        Api.Response done = say(asked.json().path("conversation_id").asString(), "yes");
        assertThat(actions(done)).containsAnyOf("return_label_generated", "return_created");
        assertThat(reply(done)).contains("return for order #1003");
    }

    @Test
    void cancelsAnUnshippedOrderAfterAskingWhoTheCustomerIsAndTheirYes() {
        Api.Response first = api.post("/v1/conversations", Map.of("initial_message", "Cancel my order 1004"));
        String conversation = first.json().path("conversation_id").asString();
        assertThat(reply(first)).contains("#1004").containsIgnoringCase("email");

        Api.Response stated = say(conversation, "alex@example.com");
        assertThat(reply(stated)).contains("I'll cancel order #1004").contains("Shall I go ahead?");
        assertThat(api.get("/v1/orders/1004").json().path("status").asString()).isNotEqualTo("cancelled");

        Api.Response done = say(conversation, "Yes, go ahead");
        assertThat(actions(done)).contains("order_cancelled");
        assertThat(api.get("/v1/orders/1004").json().path("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void aNoOrAnythingElseLeavesTheOrderAsItWas() {
        String change = "Please change the address of order 1004 to 45 Oak Avenue, Portland, OR 97205. I'm"
                + " alex@example.com";
        Api.Response first = api.post("/v1/conversations", Map.of("initial_message", change));
        String conversation = first.json().path("conversation_id").asString();
        assertThat(reply(first)).contains("to 45 Oak Avenue, Portland OR 97205, US");

        Api.Response no = say(conversation, "no");
        assertThat(reply(no)).contains("haven't changed anything on order #1004");
        assertThat(actions(no)).doesNotContain("address_updated");

        // stated again, then something else instead of a yes: nothing changes either
        say(conversation, change);
        Api.Response other = say(conversation, "how long does shipping take?");
        assertThat(reply(other)).startsWith("I've left order #1004 as it was.");
        assertThat(actions(other)).doesNotContain("address_updated");
        assertThat(api.get("/v1/orders/1004").json().toString()).doesNotContain("Portland");
    }

    @Test
    void saysWhatThePolicyRefusesBeforeAskingForAYes() {
        // order 1001 has shipped: its address can no longer change, and it is not delivered, so not returnable yet
        Api.Response address = api.post(
                "/v1/conversations",
                Map.of(
                        "initial_message",
                        "Please send order 1001 to 3 Pine St, Austin, TX 78701 instead. My email is jane@example.com"));
        assertThat(reply(address)).contains("has already shipped").doesNotContain("Shall I go ahead");
        assertThat(actions(address)).containsExactly("change_address_refused");

        Api.Response back =
                say(address.json().path("conversation_id").asString(), "Then I'd like to return my order 1001");
        assertThat(reply(back)).contains("hasn't been delivered yet").doesNotContain("Shall I go ahead");
    }

    @Test
    void takesUpATaskSetAsideOnceTheOtherIsDone() {
        Api.Response first = api.post("/v1/conversations", Map.of("initial_message", "I want to return my shoes"));
        String conversation = first.json().path("conversation_id").asString();
        assertThat(reply(first)).containsIgnoringCase("order number");

        Api.Response switched = say(conversation, "Actually first, where is my order #1001? I'm jane@example.com");
        assertThat(reply(switched))
                .contains("in transit")
                .contains("Now, back to your return.")
                .containsIgnoringCase("order number");

        // the return goes on with the number given now (1008, delivered 59 days ago: the policy says so at once)
        Api.Response back = say(conversation, "It's 1008");
        assertThat(reply(back)).contains("Order #1008").contains("outside our 30-day return window");
        assertThat(actions(back)).containsExactly("request_return_refused");
    }

    @Test
    void trustsTheCustomerAStoresServerVouchesFor() {
        Api.Response response = api.post(
                "/v1/conversations",
                Map.of(
                        "customer_email", "jane@example.com",
                        "customer_name", "Jane Doe",
                        "initial_message", "Where is my order #1001?"));

        assertThat(reply(response)).startsWith("Hi Jane! ").contains("#1001").contains("in transit");
        assertThat(actions(response)).containsExactly("order_status_checked");
    }

    @Test
    void aStoresServerVouchesOnlyForItsOwnCustomersOrders() {
        Api.Response response = api.post(
                "/v1/conversations",
                Map.of("customer_email", "jane@example.com", "initial_message", "Where is my order #1003?"));

        assertThat(reply(response)).contains("couldn't find order #1003").doesNotContain("Maria");
    }

    @Test
    void neverShowsAnOrderToAWidgetVisitorWhoHasNotProvenItIsTheirs() {
        Api widget =
                Api.at(port).withKey(fixtures.publishableKey(workspace.id())).withHeader("Origin", ORIGIN);

        // a widget visitor's customer_email is what they typed: it proves nothing
        Api.Response first = widget.post(
                "/v1/conversations",
                Map.of(
                        "customer_email", "maria@example.com",
                        "initial_message", "Where is my order #1003? What's in it and where is it going?"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String conversation = first.json().path("conversation_id").asString();
        Api visitor = widget.withHeader(
                Caller.VISITOR_TOKEN_HEADER, first.json().path("visitor_token").asString());
        assertThat(reply(first)).containsIgnoringCase("email").doesNotContain("Maria", "boots", "jacket", "UPS");

        Api.Response wrong =
                visitor.post("/v1/conversations/" + conversation + "/messages", Map.of("content", "jane@example.com"));
        assertThat(reply(wrong)).contains("couldn't find order #1003").doesNotContain("Maria", "delivered");

        Api.Response right = visitor.post(
                "/v1/conversations/" + conversation + "/messages", Map.of("content", "sorry, maria@example.com"));
        assertThat(reply(right)).contains("#1003").contains("delivered");
    }

    @Test
    void answersAQuestionAskedBesideAnOrderLookupFromTheKnowledge() {
        api.post(
                "/v1/knowledge-base",
                Map.of(
                        "title",
                        "Store hours and locations",
                        "content",
                        "Our Portland shop is at 815 NW 13th Avenue. It is open every day from 10 am to 7 pm."));

        Api.Response response = api.post(
                "/v1/conversations",
                Map.of(
                        "customer_email",
                        "jane@example.com",
                        "initial_message",
                        "where's my order 1001 and also what time does the portland shop close?"));

        assertThat(reply(response)).contains("in transit").contains("7 pm");
        assertThat(actions(response)).contains("order_status_checked");
    }

    @Test
    void anUpsetCustomerAskedForWhatIsMissingHearsAnApologyFirst() {
        Api.Response response = api.post(
                "/v1/conversations",
                Map.of(
                        "initial_message",
                        "WHERE IS MY STUFF. Order 1001. Paid ages ago and NOTHING. Worst service ever"));

        assertThat(reply(response))
                .startsWith("I'm sorry")
                .containsIgnoringCase("email")
                .doesNotContain("1Z");
    }

    @Test
    void understandsARequestWithItsWordsMisspelt() {
        Api.Response response =
                api.post("/v1/conversations", Map.of("initial_message", "pls cancle my ordr 1004 alex@example.com"));

        assertThat(actions(response)).containsExactly("confirmation_requested");
        assertThat(reply(response)).contains("#1004");
    }

    @Test
    void aGreetingWithContextIsGreetedNotHandedOver() {
        for (String hello : List.of("Hello from a browser", "hi from my phone", "good morning from Leeds")) {
            Api.Response greeted = api.post("/v1/conversations", Map.of("initial_message", hello));

            assertThat(greeted.json().path("escalated").asBoolean())
                    .as(hello + ": " + greeted)
                    .isFalse();
            assertThat(greeted.json().path("status").asString()).as(hello).isNotEqualTo("escalated");
            assertThat(reply(greeted)).as(hello).doesNotContainIgnoringCase("sorry");
        }
    }

    @Test
    void aSingleNeutralWordIsNeitherApologisedForNorHandedOverAtOnce() {
        for (String word : List.of("One", "ok", "test", "blue")) {
            Api.Response answered = api.post("/v1/conversations", Map.of("initial_message", word));

            assertThat(answered.json().path("escalated").asBoolean())
                    .as(word + ": " + answered)
                    .isFalse();
            assertThat(reply(answered)).as(word).doesNotContainIgnoringCase("sorry about the trouble");
            assertThat(reply(answered)).as(word).doesNotContainIgnoringCase("frustrat");
        }
    }

    @Test
    void aPoliteRequestForAPersonAfterAnAnswerIsNotMetAsFrustration() {
        Api.Response answered = api.post("/v1/conversations", Map.of("initial_message", "Where is my order 1001?"));
        String conversation = answered.json().path("conversation_id").asString();

        Api.Response handedOver = say(conversation, "could I talk to a person please?");

        assertThat(actions(handedOver)).as(handedOver.toString()).contains("escalated");
        assertThat(reply(handedOver))
                .doesNotContainIgnoringCase("frustrat")
                .containsIgnoringCase("couldn't sort that out");
    }

    @Test
    void aBareEmailGetsItsAnswerInTheLanguageTheCustomerWasWritingIn() {
        Api.Response asked =
                api.post("/v1/conversations", Map.of("initial_message", "Salom! Buyurtmam #1001 qayerda?"));
        String conversation = asked.json().path("conversation_id").asString();

        Api.Response answered = say(conversation, "jane@example.com");

        assertThat(actions(answered)).as(answered.toString()).contains("order_status_checked");
        assertThat(reply(answered)).contains("#1001").containsIgnoringCase("buyurtma");
    }

    private Api.Response say(String conversation, String content) {
        Api.Response response = api.post("/v1/conversations/" + conversation + "/messages", Map.of("content", content));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private static String reply(Api.Response response) {
        return response.json().at("/response/content").asString();
    }

    private static List<String> actions(Api.Response response) {
        return response.json()
                .path("actions_taken")
                .valueStream()
                .map(a -> a.path("type").asString())
                .toList();
    }
}
