package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Mode;
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

/** Seed 001's conversations API (and seed 002's create-or-send), answered by the offline assistant. */
@ApiTest
@Tag("database")
class ConversationApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    TestWorkspace workspace;
    Api api;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
        api.post(
                "/v1/knowledge-base",
                Map.of(
                        "title", "Shipping times",
                        "content",
                                "Standard shipping takes 3 to 5 business days. Express shipping arrives in 1 to 2 business days."));
    }

    @Test
    void startsAConversationAndAnswersItInSeed001sShape() {
        Api.Response response = api.post(
                "/v1/conversations",
                Map.of(
                        "channel", "widget",
                        "customer_email", "customer@example.com",
                        "customer_name", "John Doe",
                        "initial_message", "How long does express shipping take?",
                        "context", Map.of("page_url", "https://store.com/orders", "order_id", "1234")));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("conversation_id").asString()).startsWith("conv_");
        assertThat(body.path("message_id").asString()).startsWith("msg_");
        assertThat(body.at("/response/type").asString()).isEqualTo("text");
        assertThat(body.at("/response/content").asString()).contains("1 to 2 business days");
        assertThat(body.at("/analysis/intent").asString()).isNotBlank();
        assertThat(body.at("/analysis/sentiment").asString()).isNotBlank();
        assertThat(body.at("/analysis/confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(body.path("actions_taken")
                        .valueStream()
                        .map(a -> a.path("type").asString()))
                .contains("knowledge_searched");
        assertThat(body.path("actions_taken").toString()).doesNotContain("passages");
        assertThat(body.path("created_at").asString()).isNotBlank();

        JsonNode conversation = api.get(
                        "/v1/conversations/" + body.path("conversation_id").asString())
                .json();
        assertThat(conversation.path("store_id").asString()).isEqualTo(workspace.id());
        assertThat(conversation.path("status").asString()).isEqualTo("active");
        assertThat(conversation.at("/customer/email").asString()).isEqualTo("customer@example.com");
        assertThat(conversation.at("/customer/name").asString()).isEqualTo("John Doe");
        assertThat(conversation.path("order_id").asString()).isEqualTo("1234");
        assertThat(conversation
                        .path("messages")
                        .valueStream()
                        .map(m -> m.path("role").asString()))
                .containsExactly("user", "assistant");
        assertThat(conversation.path("actions_taken").get(0).path("message_id").asString())
                .startsWith("msg_");
    }

    @Test
    void reportsTheOtherIntentsAMessageAsksBesidesItsPrimaryOne() {
        Api.Response twoAsks = api.post(
                "/v1/conversations",
                Map.of(
                        "customer_email", "two@example.com",
                        "initial_message",
                                "I want to cancel order 5521 and can you tell me when my refund will arrive"));

        assertThat(twoAsks.status()).isEqualTo(200);
        JsonNode analysis = twoAsks.json().path("analysis");
        assertThat(analysis.path("intent").asString()).isEqualTo("cancel_order");
        assertThat(analysis.path("other_intents").valueStream().map(JsonNode::asString))
                .containsExactly("refund_status");
        JsonNode stored = api.get("/v1/conversations/"
                        + twoAsks.json().path("conversation_id").asString())
                .json()
                .path("messages")
                .get(1);
        assertThat(stored.at("/analysis/other_intents").valueStream().map(JsonNode::asString))
                .containsExactly("refund_status");

        Api.Response oneAsk = api.post(
                "/v1/conversations",
                Map.of(
                        "customer_email", "one@example.com",
                        "initial_message", "I want to return and get a refund for my shoes"));

        assertThat(oneAsk.json().at("/analysis/other_intents").isArray()).isTrue();
        assertThat(oneAsk.json().at("/analysis/other_intents").isEmpty()).isTrue();
    }

    @Test
    void continuesAConversationAndRemembersWhatWasSaid() {
        String id = start("Hi there");

        Api.Response sent =
                api.post("/v1/conversations/" + id + "/messages", Map.of("content", "Is my order #5512 shipped yet?"));
        JsonNode conversation =
                api.get("/v1/conversations/" + id + "?message_limit=2").json();

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().path("message_id").asString()).startsWith("msg_");
        assertThat(sent.json().at("/response/content").asString()).isNotBlank();
        assertThat(conversation.path("order_id").asString()).isEqualTo("5512");
        assertThat(conversation.path("message_count").asInt()).isEqualTo(4);
        assertThat(conversation.path("messages")).hasSize(2);
        assertThat(conversation.path("messages").get(0).path("content").asString())
                .contains("#5512");
    }

    @Test
    void escalatesWithATicketAndKeepsTheAssistantQuietWhileHumansHoldIt() {
        String id = start("Where is my parcel?");

        Api.Response escalated = api.post(
                "/v1/conversations/" + id + "/escalate",
                Map.of("reason", "Customer specifically requested human agent", "priority", "high", "notes", "VIP"));
        Api.Response afterwards =
                api.post("/v1/conversations/" + id + "/messages", Map.of("content", "hello? anyone?"));
        Api.Response twice = api.post("/v1/conversations/" + id + "/escalate", Map.of());

        assertThat(escalated.status()).isEqualTo(200);
        assertThat(escalated.json().path("escalated").asBoolean()).isTrue();
        String ticket = escalated.json().path("ticket_id").asString();
        assertThat(ticket).startsWith("T-");
        assertThat(escalated.json().path("customer_message").asString()).contains(ticket);
        assertThat(escalated.json().has("assigned_to")).isTrue();
        // A person holds the conversation: seed 001's client still reads response.content, a notice saying so.
        assertThat(afterwards.status()).isEqualTo(200);
        assertThat(afterwards.json().at("/response/status").asString()).isEqualTo("with_agent");
        assertThat(afterwards.json().at("/response/content").isString()).isTrue();
        assertThat(afterwards.json().at("/response/content").asString()).contains("team member");
        assertThat(afterwards.json().at("/response/type").asString()).isEqualTo("text");
        Api.Response inUzbek = api.withHeader("Accept-Language", "uz-UZ,uz;q=0.9")
                .post("/v1/conversations/" + id + "/messages", Map.of("content", "salom?"));
        assertThat(inUzbek.json().at("/response/status").asString()).isEqualTo("with_agent");
        assertThat(inUzbek.json().at("/response/content").asString()).contains("jamoa");
        assertThat(twice.json().path("ticket_id").asString()).isEqualTo(ticket);
        JsonNode conversation = api.get("/v1/conversations/" + id).json();
        assertThat(conversation.path("status").asString()).isEqualTo("escalated");
        assertThat(conversation.path("priority").asString()).isEqualTo("high");
    }

    @Test
    void aCustomerWhoChoseAPersonIsNotAnsweredByTheAssistantAndIsToldWhenTheTeamIsBack() {
        java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
        String opens = hhmm(now.plusHours(2));
        workingHours(opens, hhmm(now.plusHours(3)));

        Api.Response response = api.post(
                "/v1/conversations",
                Map.of(
                        "channel", "widget",
                        "initial_message", "How long does express shipping take?",
                        "handoff", true));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("escalated").asBoolean()).isTrue();
        assertThat(response.json().at("/response/status").asString()).isEqualTo("with_agent");
        assertThat(response.json().path("analysis").isNull()).isTrue();
        JsonNode conversation = api.get("/v1/conversations/"
                        + response.json().path("conversation_id").asString())
                .json();
        assertThat(conversation.path("status").asString()).isEqualTo("escalated");
        assertThat(conversation.path("escalation_reason").asString()).isEqualTo("customer_request");
        JsonNode messages = conversation.path("messages");
        assertThat(messages.valueStream().map(m -> m.path("role").asString())).containsExactly("user", "system");
        String notice = messages.get(1).path("content").asString();
        assertThat(notice)
                .contains("A person from our team will reply here")
                .contains("away now and back")
                .contains(opens)
                .contains("(UTC)")
                .contains(conversation.path("ticket_id").asString())
                .doesNotContain("shortly");
    }

    @Test
    void aCustomerWhoChoseAPersonDuringWorkingHoursIsToldTheTeamIsIn() {
        java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
        workingHours(hhmm(now.minusHours(1)), hhmm(now.plusHours(1)));

        Api.Response response = api.post(
                "/v1/conversations", Map.of("initial_message", "Can someone check my invoice?", "handoff", true));

        JsonNode conversation = api.get("/v1/conversations/"
                        + response.json().path("conversation_id").asString())
                .json();
        assertThat(conversation
                        .path("messages")
                        .valueStream()
                        .map(m -> m.path("role").asString()))
                .containsExactly("user", "system");
        assertThat(conversation.path("messages").get(1).path("content").asString())
                .contains("The team is in now");
    }

    @Test
    void anUzbekCustomerWhoChoseAPersonIsToldInUzbekWhenTheTeamIsBack() {
        // given
        java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
        String opens = hhmm(now.plusHours(2));
        workingHours(opens, hhmm(now.plusHours(3)));

        // when
        Api.Response response = api.withHeader("Accept-Language", "uz")
                .post(
                        "/v1/conversations",
                        Map.of("channel", "widget", "initial_message", "Buyurtmam qayerda?", "handoff", true));

        // then
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode conversation = api.get("/v1/conversations/"
                        + response.json().path("conversation_id").asString())
                .json();
        String notice = conversation.path("messages").get(1).path("content").asString();
        assertThat(notice)
                .contains("jamoamiz xodimi javob beradi")
                .contains("hozir ishda emas")
                .contains("soat " + opens)
                .contains("(UTC)")
                .contains(conversation.path("ticket_id").asString())
                .doesNotContain("The team", "reply here");
    }

    @Test
    void anUzbekCustomerWhoChoseAPersonDuringWorkingHoursIsToldInUzbekTheTeamIsIn() {
        java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
        workingHours(hhmm(now.minusHours(1)), hhmm(now.plusHours(1)));

        Api.Response response = api.withHeader("Accept-Language", "uz-UZ,uz;q=0.9")
                .post(
                        "/v1/conversations",
                        Map.of("initial_message", "Hisob-fakturamni tekshirasizmi?", "handoff", true));

        String notice = api.get("/v1/conversations/"
                        + response.json().path("conversation_id").asString())
                .json()
                .path("messages")
                .get(1)
                .path("content")
                .asString();
        assertThat(notice).contains("Jamoamiz hozir ishda").doesNotContain("The team is in now");
    }

    @Test
    void anEscalationIsAnnouncedInTheLanguageTheCustomerAskedIn() {
        // given
        String english = api.post("/v1/conversations", Map.of("initial_message", "Hello, where is my order?"))
                .json()
                .path("conversation_id")
                .asString();
        String uzbek = api.post("/v1/conversations", Map.of("initial_message", "Salom, buyurtmam qayerda?"))
                .json()
                .path("conversation_id")
                .asString();

        // when
        Api.Response inEnglish = api.post("/v1/conversations/" + english + "/escalate", Map.of());
        Api.Response inUzbek =
                api.withHeader("Accept-Language", "uz").post("/v1/conversations/" + uzbek + "/escalate", Map.of());

        // then
        assertThat(inEnglish.json().path("customer_message").asString())
                .startsWith("I've connected you with our support team. A team member will be with you shortly.");
        assertThat(inUzbek.json().path("customer_message").asString())
                .startsWith("Sizni qoʻllab-quvvatlash jamoamiz bilan bogʻladim.")
                .endsWith(inUzbek.json().path("ticket_id").asString() + ".");
        JsonNode messages = api.get("/v1/conversations/" + uzbek).json().path("messages");
        assertThat(messages.valueStream()
                        .filter(m -> m.path("role").asString().equals("system"))
                        .map(m -> m.path("content").asString()))
                .containsExactly(inUzbek.json().path("customer_message").asString());
    }

    private void workingHours(String start, String end) {
        Api.Response hours = api.patch(
                "/v1/stores/" + workspace.id(),
                Map.of("settings", Map.of("working_hours", Map.of("timezone", "UTC", "start", start, "end", end))));
        assertThat(hours.status()).as(hours.toString()).isEqualTo(200);
    }

    private static String hhmm(java.time.LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }

    @Test
    void handsOverWhenTheCustomerAsksForAPerson() {
        Api.Response response =
                api.post("/v1/conversations", Map.of("initial_message", "I want to talk to a human please"));

        assertThat(response.json().path("escalated").asBoolean()).isTrue();
        assertThat(response.json().at("/response/content").asString()).contains("support team");
        assertThat(api.get("/v1/conversations/"
                                + response.json().path("conversation_id").asString())
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("escalated");
    }

    @Test
    void resolvesWithCsatAndRefusesToResolveTwice() {
        String id = start("How long does standard shipping take?");

        Api.Response resolved = api.post(
                "/v1/conversations/" + id + "/resolve",
                Map.of(
                        "resolution_summary",
                        "Provided delivery estimate",
                        "resolution_type",
                        "automated",
                        "csat_score",
                        5));
        Api.Response again = api.post("/v1/conversations/" + id + "/resolve", Map.of());
        Api.Response badScore = api.post("/v1/conversations/" + start("hi") + "/resolve", Map.of("csat_score", 6));

        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().path("resolved").asBoolean()).isTrue();
        assertThat(resolved.json().path("total_messages").asInt()).isEqualTo(2);
        assertThat(resolved.json().path("resolution_time_seconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(again.status()).isEqualTo(409);
        assertThat(badScore.status()).isEqualTo(400);
        assertThat(badScore.json().at("/error/details/field").asString()).isEqualTo("csat_score");

        Api.Response reopened =
                api.post("/v1/conversations/" + id + "/messages", Map.of("content", "one more question"));
        assertThat(reopened.status()).isEqualTo(200);
        assertThat(api.get("/v1/conversations/" + id).json().path("status").asString())
                .isEqualTo("active");
    }

    @Test
    void listsWithSeed001sFiltersAndPaging() {
        start("hello");
        api.post("/v1/conversations", Map.of("customer_email", "ana@example.com", "initial_message", "hello"));
        String escalated = start("let me speak to a person");

        JsonNode all = api.get("/v1/conversations?per_page=2").json();
        JsonNode byEmail =
                api.get("/v1/conversations?customer_email=ANA@example.com").json();
        JsonNode byStatus = api.get("/v1/conversations?status=escalated").json();
        JsonNode today = api.get("/v1/conversations?start_date=2020-01-01&end_date=2999-12-31")
                .json();

        assertThat(all.at("/pagination/total_count").asLong()).isEqualTo(3);
        assertThat(all.path("data")).hasSize(2);
        assertThat(byEmail.path("data")
                        .valueStream()
                        .map(c -> c.path("customer_email").asString()))
                .containsExactly("ana@example.com");
        assertThat(byStatus.path("data").valueStream().map(c -> c.path("id").asString()))
                .containsExactly(escalated);
        assertThat(today.at("/pagination/total_count").asLong()).isEqualTo(3);
        assertThat(api.get("/v1/conversations?start_date=yesterday").status()).isEqualTo(400);
    }

    @Test
    void servesSeed002sCreateOrSend() {
        Api.Response first = api.post(
                "/api/v1/conversations",
                Map.of(
                        "message", "How long does express shipping take?",
                        "user_id", "user_12345",
                        "channel", "chat",
                        "metadata", Map.of("user_email", "customer@example.com", "user_name", "John Doe")));
        String id = first.json().path("conversation_id").asString();
        Api.Response second = api.post("/api/v1/conversations", Map.of("message", "thanks!", "conversation_id", id));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("response").asString()).contains("1 to 2 business days");
        assertThat(first.json().path("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(first.json().path("sources").get(0).asString()).startsWith("kb_");
        assertThat(first.json().path("escalated").asBoolean()).isFalse();
        assertThat(first.json().path("timestamp").asString()).isNotBlank();
        assertThat(second.json().path("conversation_id").asString()).isEqualTo(id);
        assertThat(api.get("/v1/conversations/" + id)
                        .json()
                        .path("message_count")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void servesSeed000sOneCallChatWithItsSearchResults() {
        Api.Response first = api.post(
                "/api/chat",
                Map.of(
                        "message",
                        "How long does express shipping take?",
                        "context",
                        Map.of("pageUrl", "https://store.test/help", "userId", "u_1")));
        // seed 000's own path answers in its camelCase (SeedConformanceTests holds it against the seed's example)
        String id = first.json().path("conversationId").asString();
        Api.Response second = api.post("/api/chat", Map.of("message", "thank you!", "conversationId", id));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("response").asString()).contains("1 to 2 business days");
        assertThat(id).startsWith("conv_");
        JsonNode result = first.json().path("searchResults").get(0);
        assertThat(result.path("content").asString()).contains("Express shipping");
        assertThat(result.path("source").asString()).isEqualTo("Shipping times");
        assertThat(result.path("relevance").asDouble()).isBetween(0.0, 1.0);
        assertThat(first.json().at("/metadata/model").asString()).isEqualTo("offline");
        assertThat(first.json().at("/metadata/searchCount").asInt()).isEqualTo(1);
        assertThat(first.json().at("/metadata/tokensUsed").asInt()).isZero();
        assertThat(second.json().path("conversationId").asString()).isEqualTo(id);
        Api.Response missing = api.post("/api/chat", Map.of("conversationId", id));
        assertThat(missing.json().path("code").asString()).isEqualTo("INVALID_REQUEST");
        assertThat(missing.json().at("/details/field").asString()).isEqualTo("message");
        // the canonical path answers the same in snake_case
        assertThat(api.post("/v1/chat", Map.of("message", "thanks", "conversation_id", id))
                        .json()
                        .path("conversation_id")
                        .asString())
                .isEqualTo(id);
        assertThat(api.post("/v1/chat", Map.of("conversation_id", id)).errorCode())
                .isEqualTo("missing_field");
    }

    @Test
    void keepsConversationsInsideTheirWorkspaceAndMode() {
        String id = start("hello");
        Api other = Api.at(port).withKey(fixtures.workspace().liveKey());
        Api testMode = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.TEST));

        assertThat(other.get("/v1/conversations/" + id).status()).isEqualTo(404);
        assertThat(other.post("/v1/conversations/" + id + "/messages", Map.of("content", "hi"))
                        .status())
                .isEqualTo(404);
        assertThat(other.post("/v1/conversations/" + id + "/escalate", Map.of()).status())
                .isEqualTo(404);
        assertThat(other.post("/v1/conversations/" + id + "/resolve", Map.of()).status())
                .isEqualTo(404);
        assertThat(testMode.get("/v1/conversations/" + id).status()).isEqualTo(404);
        assertThat(testMode.get("/v1/conversations")
                        .json()
                        .at("/pagination/total_count")
                        .asLong())
                .isZero();
        assertThat(other.get("/v1/conversations")
                        .json()
                        .at("/pagination/total_count")
                        .asLong())
                .isZero();
    }

    @Test
    void refusesAMessageThatIsNoTextAndAnEmailThatIsNoEmailNamingTheField() {
        Api.Response number = api.send("POST", "/v1/conversations", "{\"initial_message\":123}");
        Api.Response flag =
                api.send("POST", "/v1/conversations", "{\"initial_message\":\"hi\",\"customer_email\":true}");
        String id = start("hello");
        Api.Response content = api.send("POST", "/v1/conversations/" + id + "/messages", "{\"content\":1001}");
        Api.Response email = api.post(
                "/v1/conversations", Map.of("customer_email", "not-an-email", "initial_message", "where is my order?"));

        assertThat(number.status()).as(number.toString()).isEqualTo(400);
        assertThat(number.json().at("/error/details/field").asString()).isEqualTo("initial_message");
        assertThat(number.json().at("/error/details/reason").asString()).isEqualTo("invalid_type");
        assertThat(flag.json().at("/error/details/field").asString())
                .as(flag.toString())
                .isEqualTo("customer_email");
        assertThat(content.status()).as(content.toString()).isEqualTo(400);
        assertThat(content.json().at("/error/details/field").asString()).isEqualTo("content");
        assertThat(email.status()).as(email.toString()).isEqualTo(400);
        assertThat(email.errorCode()).isEqualTo("invalid_request");
        assertThat(email.json().at("/error/details/reason").asString()).isEqualTo("invalid_format");
        assertThat(email.json().at("/error/details/field").asString()).isEqualTo("customer_email");
        assertThat(api.post(
                                "/v1/conversations",
                                Map.of("customer_email", " Jane@Example.com ", "initial_message", "hi"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusesBadRequestsWithClearErrors() {
        assertThat(api.post("/v1/conversations", Map.of("channel", "widget"))
                        .json()
                        .at("/error/details/field")
                        .asString())
                .isEqualTo("initial_message");
        assertThat(api.post("/v1/conversations", Map.of("channel", "pigeon", "initial_message", "hi"))
                        .json()
                        .at("/error/details/field")
                        .asString())
                .isEqualTo("channel");
        assertThat(api.post("/v1/conversations", Map.of("initial_message", "x".repeat(50_001)))
                        .status())
                .isEqualTo(400);
        String id = start("hello");
        assertThat(api.post("/v1/conversations/" + id + "/messages", Map.of("content", ""))
                        .errorCode())
                .isEqualTo("missing_field");
        assertThat(api.get("/v1/conversations/conv_missing").status()).isEqualTo(404);
        assertThat(Api.at(port)
                        .withKey(fixtures.key(workspace.id(), Mode.LIVE, dev.parley.platform.Scope.CONVERSATIONS_READ))
                        .post("/v1/conversations", Map.of("initial_message", "hi"))
                        .status())
                .isEqualTo(403);
    }

    private String start(String message) {
        Api.Response response = api.post("/v1/conversations", Map.of("initial_message", message));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("conversation_id").asString();
    }
}
