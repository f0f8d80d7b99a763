package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.ConversationEvents.ConversationAssigned;
import dev.parley.conversation.ConversationEvents.FeedbackSubmitted;
import dev.parley.conversation.ConversationEvents.MessageSent;
import dev.parley.platform.Mode;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.Concurrently;
import dev.parley.support.TestClock;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The human side of conversations: seed 003's chats over the same conversations, agents' replies and notes,
 * statuses and their transitions, assignment by strategy, hand-back, feedback, agent stats and contacts.
 */
@ApiTest
@Tag("database")
class InboxApiTests {

    static final String PASSWORD = "correct horse battery";

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
    }

    @AfterEach
    void resumeClock() {
        TestClock.shared().resume();
    }

    String start(String email, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "widget");
        body.put("initial_message", message);
        if (email != null) {
            body.put("customer_email", email);
            body.put("customer_name", "Ali");
        }
        Api.Response created = api.post("/v1/conversations", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("conversation_id").asString();
    }

    String agent(Api as, String name, String status, int capacity) {
        Api.Response created = as.post(
                "/v1/agents",
                Map.of(
                        "name",
                        name,
                        "email",
                        name.toLowerCase() + "-" + UUID.randomUUID() + "@company.uz",
                        "password",
                        PASSWORD,
                        "status",
                        status,
                        "capacity",
                        capacity));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    Api signIn(String agentId) {
        String email = api.get("/v1/agents/" + agentId).json().path("email").asString();
        Api.Response login = Api.at(port).post("/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return Api.at(port).withKey(login.json().path("token").asString());
    }

    void strategy(String strategy) {
        Api.Response changed =
                api.patch("/v1/stores/" + workspace.id(), Map.of("settings", Map.of("assignment_strategy", strategy)));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    String assigneeAfterEscalation(String conversationId) {
        Api.Response escalated = api.post("/v1/conversations/" + conversationId + "/escalate", Map.of());
        assertThat(escalated.status()).as(escalated.toString()).isEqualTo(200);
        return escalated.json().path("assigned_to").isNull()
                ? null
                : escalated.json().path("assigned_to").asString();
    }

    @Test
    void servesSeed003sChatsOverTheSameConversations() {
        strategy("manual");
        String sara = agent(api, "Sara", "online", 5);
        String id = start("ali@example.com", "Salom, buyurtmam qayerda?");

        JsonNode list = api.get("/v1/chats?status=active&page=1&limit=20").json();
        JsonNode chat = api.get("/v1/chats/" + id).json();
        Api.Response sent = api.post(
                "/v1/chats/" + id + "/messages",
                Map.of(
                        "text",
                        "Salom! Sizga qanday yordam bera olaman?",
                        "attachments",
                        List.of(Map.of("type", "image", "url", "https://cdn.example.com/files/abc123.jpg"))));
        Api.Response patched = api.patch(
                "/v1/chats/" + id,
                Map.of("assigned_to", sara, "tags", List.of("vip", "premium"), "notes", "Mijoz premium tarif haqida"));

        JsonNode row = list.path("data").get(0);
        assertThat(row.path("id").asString()).isEqualTo(id);
        assertThat(row.path("visitor_name").asString()).isEqualTo("Ali");
        assertThat(row.path("visitor_email").asString()).isEqualTo("ali@example.com");
        assertThat(row.path("status").asString()).isEqualTo("active");
        assertThat(row.has("assigned_to")).isTrue();
        assertThat(row.path("unread_count").asInt()).isEqualTo(1);
        assertThat(row.path("last_message_at").asString()).isNotBlank();
        assertThat(row.path("created_at").asString()).isNotBlank();
        assertThat(list.path("pagination").path("page").asInt()).isEqualTo(1);
        assertThat(list.path("pagination").path("limit").asInt()).isEqualTo(20);
        assertThat(list.path("pagination").path("total").asLong()).isEqualTo(1);
        assertThat(list.path("pagination").path("pages").asLong()).isEqualTo(1);

        assertThat(chat.at("/visitor/name").asString()).isEqualTo("Ali");
        assertThat(chat.at("/visitor/email").asString()).isEqualTo("ali@example.com");
        assertThat(chat.path("visitor").has("phone")).isTrue();
        assertThat(chat.at("/visitor/metadata").isObject()).isTrue();
        assertThat(chat.path("tags").isArray()).isTrue();
        for (String field : new String[] {"status", "assigned_to", "notes", "created_at", "updated_at"}) {
            assertThat(chat.has(field)).as(field).isTrue();
        }

        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.json().path("id").asString()).startsWith("msg_");
        assertThat(sent.json().path("chat_id").asString()).isEqualTo(id);
        assertThat(sent.json().path("text").asString()).isEqualTo("Salom! Sizga qanday yordam bera olaman?");
        assertThat(sent.json().at("/sender/type").asString()).isEqualTo("agent");
        assertThat(sent.json().at("/sender/name").asString()).isEqualTo("Support team");
        assertThat(sent.json().path("created_at").asString()).isNotBlank();

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("status").asString()).isEqualTo("assigned");
        assertThat(patched.json().path("assigned_to").asString()).isEqualTo(sara);
        assertThat(patched.json().path("tags").valueStream().map(JsonNode::asString))
                .containsExactly("vip", "premium");
        assertThat(patched.json().path("notes").asString()).isEqualTo("Mijoz premium tarif haqida");

        // The seed's own example: close it, reassigned, tagged, with a note.
        String other = agent(api, "Bobur", "online", 5);
        JsonNode closed = api.patch(
                        "/v1/chats/" + id,
                        Map.of(
                                "status",
                                "closed",
                                "assigned_to",
                                other,
                                "tags",
                                List.of("resolved", "billing"),
                                "notes",
                                "Muammo hal qilindi"))
                .json();
        assertThat(closed.path("status").asString()).isEqualTo("closed");
        assertThat(closed.path("assigned_to").asString()).isEqualTo(other);
        assertThat(api.get("/v1/chats?status=closed&agent_id=" + other)
                        .json()
                        .path("data")
                        .get(0)
                        .path("id")
                        .asString())
                .isEqualTo(id);
        assertThat(api.get("/v1/chats?agent_id=" + sara).json().path("data")).isEmpty();
        assertThat(InboxEventsForTests.of(id, "conversation.closed")).hasSize(1);
    }

    @Test
    void refusesBadChatRequestsWithFourHundreds() {
        String id = start(null, "hello");

        assertThat(api.get("/v1/chats?limit=101").status()).isEqualTo(400);
        assertThat(api.get("/v1/chats?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/v1/chats?page=0").status()).isEqualTo(400);
        assertThat(api.get("/v1/chats?page=abc").status()).isEqualTo(400);
        assertThat(api.get("/v1/chats?status=sleeping").status()).isEqualTo(400);
        assertThat(api.post("/v1/chats/" + id + "/messages", Map.of("text", " "))
                        .errorCode())
                .isEqualTo("missing_field");
        assertThat(api.patch("/v1/chats/" + id, Map.of("status", "sleeping")).status())
                .isEqualTo(400);
        assertThat(api.patch("/v1/chats/" + id, Map.of("priority", "whenever")).status())
                .isEqualTo(400);
        assertThat(api.patch("/v1/chats/" + id, Map.of("tags", "vip")).status()).isEqualTo(400);
        assertThat(api.patch("/v1/chats/" + id, Map.of("colour", "red")).status())
                .isEqualTo(400);
        assertThat(api.patch("/v1/chats/" + id, Map.of("assigned_to", "agent_nobody"))
                        .status())
                .isEqualTo(400);
        assertThat(api.patch("/v1/chats/" + id, Map.of("status", "assigned")).errorCode())
                .isEqualTo("missing_field");
        assertThat(api.get("/v1/chats/conv_missing").status()).isEqualTo(404);
        assertThat(api.post("/v1/chats/conv_missing/messages", Map.of("text", "hi"))
                        .status())
                .isEqualTo(404);
        assertThat(api.patch("/v1/chats/conv_missing", Map.of("notes", "x")).status())
                .isEqualTo(404);
    }

    @Test
    void enforcesTransitionsNamingFromAndTo() {
        String id = start(null, "hello");

        Api.Response resolved = api.patch("/v1/conversations/" + id, Map.of("status", "resolved"));
        Api.Response toEscalated = api.patch("/v1/conversations/" + id, Map.of("status", "escalated"));
        Api.Response closed = api.patch("/v1/conversations/" + id, Map.of("status", "closed"));
        Api.Response reopen = api.patch("/v1/conversations/" + id, Map.of("status", "active"));
        Api.Response customer = api.post("/v1/conversations/" + id + "/messages", Map.of("content", "hello?"));
        Api.Response reply = api.post("/v1/conversations/" + id + "/replies", Map.of("content", "hi"));
        Api.Response note = api.post("/v1/conversations/" + id + "/notes", Map.of("content", "x"));
        Api.Response tags = api.patch("/v1/conversations/" + id, Map.of("tags", List.of("late")));

        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().path("status").asString()).isEqualTo("resolved");
        assertThat(toEscalated.status()).isEqualTo(409);
        assertThat(toEscalated.errorCode()).isEqualTo("conflict");
        assertThat(toEscalated.json().at("/error/details/from").asString()).isEqualTo("resolved");
        assertThat(toEscalated.json().at("/error/details/to").asString()).isEqualTo("escalated");
        assertThat(toEscalated.json().at("/error/message").asString()).contains("resolved", "escalated");
        assertThat(closed.json().path("status").asString()).isEqualTo("closed");
        assertThat(reopen.status()).isEqualTo(409);
        assertThat(customer.status()).isEqualTo(409);
        assertThat(customer.errorCode()).isEqualTo("conversation_closed");
        assertThat(reply.errorCode()).isEqualTo("conversation_closed");
        assertThat(note.errorCode()).isEqualTo("conversation_closed");
        assertThat(tags.status()).isEqualTo(409);
        assertThat(InboxEventsForTests.typesOf(id))
                .containsSubsequence("conversation.created", "conversation.resolved", "conversation.closed");
        assertThat(InboxEventsForTests.of(id, "conversation.closed")).hasSize(1);
        assertThat(InboxEventsForTests.of(id, "conversation.resolved")).hasSize(1);
    }

    @Test
    void assigningHoldsTheConversationUnassigningQueuesItAndHandBackReturnsItToTheAssistant() {
        strategy("manual");
        String sara = agent(api, "Sara", "online", 5);
        String id = start(null, "How long does shipping take?");

        JsonNode assigned = api.patch("/v1/conversations/" + id, Map.of("assigned_to", sara))
                .json();
        Api.Response silent = api.post("/v1/conversations/" + id + "/messages", Map.of("content", "hello?"));
        Map<String, Object> unassign = new HashMap<>();
        unassign.put("assigned_to", null);
        JsonNode queued = api.patch("/v1/conversations/" + id, unassign).json();
        Api.Response handedBack = api.post("/v1/conversations/" + id + "/handback", Map.of());
        Api.Response again = api.post("/v1/conversations/" + id + "/handback", Map.of());
        Api.Response answered = api.post("/v1/conversations/" + id + "/messages", Map.of("content", "hello again"));

        assertThat(assigned.path("status").asString()).isEqualTo("assigned");
        assertThat(assigned.path("assigned_to").asString()).isEqualTo(sara);
        assertThat(silent.status()).isEqualTo(200);
        assertThat(silent.json().at("/response/status").asString()).isEqualTo("with_agent");
        assertThat(silent.json().at("/response/content").asString()).isNotBlank();
        assertThat(queued.path("status").asString()).isEqualTo("escalated");
        assertThat(queued.path("assigned_to").isNull()).isTrue();
        assertThat(handedBack.status()).isEqualTo(200);
        assertThat(handedBack.json().path("status").asString()).isEqualTo("active");
        assertThat(again.status()).isEqualTo(409);
        assertThat(answered.json().at("/response/content").asString()).isNotBlank();
        assertThat(answered.json().at("/response/status").asString()).isEqualTo("answered");
        List<ConversationAssigned> assignments = InboxEventsForTests.of(id, "conversation.assigned").stream()
                .map(ConversationAssigned.class::cast)
                .toList();
        assertThat(assignments).hasSize(2);
        assertThat(assignments.get(0).agentId()).isEqualTo(sara);
        assertThat(assignments.get(0).previousAgentId()).isNull();
        assertThat(assignments.get(1).agentId()).isNull();
        assertThat(assignments.get(1).previousAgentId()).isEqualTo(sara);
    }

    @Test
    void aSignedInAgentsReplyIsTheirsAndTakesTheConversation() {
        strategy("manual");
        String sara = agent(api, "Sara", "online", 5);
        Api saraApi = signIn(sara);
        String id = start("ali@example.com", "I need a person");
        assertThat(api.get("/v1/chats")
                        .json()
                        .path("data")
                        .get(0)
                        .path("unread_count")
                        .asInt())
                .isEqualTo(1);

        Api.Response reply = saraApi.post("/v1/chats/" + id + "/messages", Map.of("text", "Hi, Sara here."));
        Api.Response note = saraApi.post("/v1/conversations/" + id + "/notes", Map.of("content", "VIP, be nice"));
        api.post("/v1/conversations/" + id + "/messages", Map.of("content", "thanks!"));
        JsonNode conversation = api.get("/v1/conversations/" + id).json();

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().at("/sender/id").asString()).isEqualTo(sara);
        assertThat(reply.json().at("/sender/name").asString()).isEqualTo("Sara");
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.json().path("role").asString()).isEqualTo("note");
        assertThat(conversation.path("status").asString()).isEqualTo("assigned");
        assertThat(conversation.path("assigned_to").asString()).isEqualTo(sara);
        assertThat(conversation
                        .path("messages")
                        .valueStream()
                        .map(m -> m.path("role").asString()))
                .containsExactly("user", "assistant", "agent", "note", "user");
        JsonNode agentMessage = conversation.path("messages").get(2);
        assertThat(agentMessage.at("/author/id").asString()).isEqualTo(sara);
        assertThat(agentMessage.at("/author/name").asString()).isEqualTo("Sara");
        // The customer wrote once after the agent's reply.
        assertThat(api.get("/v1/chats")
                        .json()
                        .path("data")
                        .get(0)
                        .path("unread_count")
                        .asInt())
                .isEqualTo(1);
        saraApi.get("/v1/chats/" + id);
        assertThat(api.get("/v1/chats")
                        .json()
                        .path("data")
                        .get(0)
                        .path("unread_count")
                        .asInt())
                .isZero();

        List<MessageSent> sent = InboxEventsForTests.of(id, "message.sent").stream()
                .map(MessageSent.class::cast)
                .filter(m -> m.role() == MessageRole.AGENT)
                .toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).messageId()).isEqualTo(reply.json().path("id").asString());
        // The note was never published: webhooks and live sockets reach customers.
        assertThat(InboxEventsForTests.committed.stream()
                        .filter(e -> String.valueOf(e.data())
                                .contains(note.json().path("id").asString())))
                .isEmpty();
        // An API-key reply to a held conversation is signed by the assignee.
        assertThat(api.post("/v1/conversations/" + id + "/replies", Map.of("content", "Following up"))
                        .json()
                        .at("/sender/id")
                        .asString())
                .isEqualTo(sara);
    }

    @Test
    void privateNotesNeverReachCustomerFacingApis() {
        Api.Response session = api.post("/v1/sessions", Map.of("user_id", "u1"));
        String id = session.json().path("conversation_id").asString();

        api.post("/v1/conversations/" + id + "/notes", Map.of("content", "secret internal note"));
        api.post("/v1/conversations/" + id + "/replies", Map.of("content", "visible reply"));
        JsonNode seen = api.get(
                        "/v1/sessions/" + session.json().path("session_id").asString())
                .json();

        assertThat(seen.toString()).contains("visible reply").doesNotContain("secret internal note");
        assertThat(api.get("/v1/conversations/" + id).json().toString()).contains("secret internal note");
    }

    @Test
    void twoAgentsReplyingAtOnceKeepEveryReplyInOrder() {
        strategy("manual");
        String a = agent(api, "Ann", "online", 5);
        String b = agent(api, "Ben", "online", 5);
        Api annApi = signIn(a);
        Api benApi = signIn(b);
        String id = start(null, "hello");
        api.patch("/v1/conversations/" + id, Map.of("assigned_to", a));

        List<Integer> statuses = Concurrently.run(
                10,
                i -> (i % 2 == 0 ? annApi : benApi)
                        .post("/v1/conversations/" + id + "/replies", Map.of("content", "reply " + i))
                        .status());

        JsonNode conversation =
                api.get("/v1/conversations/" + id + "?message_limit=100").json();
        List<JsonNode> replies = conversation
                .path("messages")
                .valueStream()
                .filter(m -> m.path("role").asString().equals("agent"))
                .toList();
        assertThat(statuses).containsOnly(201);
        assertThat(replies).hasSize(10);
        assertThat(replies.stream().map(m -> m.path("content").asString()).distinct())
                .hasSize(10);
        List<Instant> times = replies.stream()
                .map(m -> Instant.parse(m.path("created_at").asString()))
                .toList();
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).isAfter(times.get(i - 1));
        }
        assertThat(conversation.path("message_count").asInt()).isEqualTo(12);
    }

    @Test
    void roundRobinTakesTurnsAcrossOnlineAgentsBelowCapacity() {
        strategy("round_robin");
        List<String> agents =
                List.of(agent(api, "A", "online", 5), agent(api, "B", "online", 5), agent(api, "C", "online", 5));
        agent(api, "Away", "away", 5);

        List<String> assignees = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            assignees.add(assigneeAfterEscalation(start(null, "hello " + i)));
        }

        assertThat(assignees).doesNotContainNull();
        assertThat(assignees.subList(0, 3)).containsExactlyInAnyOrderElementsOf(agents);
        assertThat(assignees.subList(3, 6)).containsExactlyElementsOf(assignees.subList(0, 3));
        JsonNode team = api.get("/v1/agents").json();
        for (JsonNode row : team.path("data")) {
            if (agents.contains(row.path("id").asString())) {
                assertThat(row.path("active_chats").asInt()).isEqualTo(2);
                assertThat(row.path("total_chats").asInt()).isEqualTo(2);
            } else {
                assertThat(row.path("active_chats").asInt()).isZero();
            }
        }
    }

    @Test
    void concurrentEscalationsShareTheTurnsFairly() {
        strategy("round_robin");
        List<String> agents = List.of(agent(api, "A", "online", 10), agent(api, "B", "online", 10));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(start(null, "hello " + i));
        }

        List<String> assignees = Concurrently.run(6, i -> assigneeAfterEscalation(ids.get(i)));

        assertThat(assignees).doesNotContainNull();
        assertThat(assignees.stream().filter(agents.get(0)::equals)).hasSize(3);
        assertThat(assignees.stream().filter(agents.get(1)::equals)).hasSize(3);
    }

    @Test
    void leastLoadedPicksTheAgentHoldingFewestAndFullAgentsAreSkipped() {
        strategy("manual");
        String busy = agent(api, "Busy", "online", 5);
        String full = agent(api, "Full", "online", 1);
        String free = agent(api, "Free", "online", 5);
        api.patch("/v1/conversations/" + start(null, "one"), Map.of("assigned_to", busy));
        api.patch("/v1/conversations/" + start(null, "two"), Map.of("assigned_to", full));
        strategy("least_loaded");

        String first = assigneeAfterEscalation(start(null, "three"));
        String second = assigneeAfterEscalation(start(null, "four"));

        assertThat(first).isEqualTo(free);
        assertThat(second).isIn(busy, free);
        assertThat(second).isNotEqualTo(full);
    }

    @Test
    void withNobodyAvailableAnEscalationWaitsUnassigned() {
        strategy("round_robin");
        agent(api, "Offline", "offline", 5);
        String id = start(null, "hello");

        assertThat(assigneeAfterEscalation(id)).isNull();
        assertThat(api.get("/v1/conversations/" + id).json().path("status").asString())
                .isEqualTo("escalated");
        assertThat(InboxEventsForTests.of(id, "conversation.assigned")).isEmpty();
    }

    @Test
    void deactivatingAnAgentReturnsTheirChatsToTheQueue() {
        strategy("manual");
        String leaving = agent(api, "Leaving", "online", 5);
        String id = start(null, "hello");
        api.patch("/v1/conversations/" + id, Map.of("assigned_to", leaving));

        api.delete("/v1/agents/" + leaving);

        JsonNode chat = api.get("/v1/chats/" + id).json();
        assertThat(chat.path("status").asString()).isEqualTo("escalated");
        assertThat(chat.path("assigned_to").isNull()).isTrue();
    }

    @Test
    void recordsFeedbackOnceAndRefusesRatingsOutOfRange() {
        strategy("manual");
        String sara = agent(api, "Sara", "online", 5);
        String id = start(null, "hello");
        api.patch("/v1/conversations/" + id, Map.of("assigned_to", sara));
        int before = InboxEventsForTests.committed.size();

        Api.Response tooHigh = api.post("/v1/conversations/" + id + "/feedback", Map.of("rating", 6));
        Api.Response tooLow = api.post("/v1/conversations/" + id + "/feedback", Map.of("rating", 0));
        Api.Response missing = api.post("/v1/conversations/" + id + "/feedback", Map.of("comment", "meh"));
        assertThat(InboxEventsForTests.committed).hasSize(before);
        Api.Response given =
                api.post("/v1/conversations/" + id + "/feedback", Map.of("rating", 4, "comment", "Helpful"));

        assertThat(tooHigh.status()).isEqualTo(400);
        assertThat(tooHigh.json().at("/error/details/field").asString()).isEqualTo("rating");
        assertThat(tooLow.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("missing_field");
        assertThat(given.status()).isEqualTo(201);
        assertThat(given.json().path("agent_id").asString()).isEqualTo(sara);
        List<FeedbackSubmitted> published = InboxEventsForTests.of(id, "feedback.submitted").stream()
                .map(FeedbackSubmitted.class::cast)
                .toList();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).rating()).isEqualTo(4);
        assertThat(published.get(0).data().comment()).isEqualTo("Helpful");
        assertThat(api.get("/v1/conversations/" + id).json().path("csat_score").asInt())
                .isEqualTo(4);
        assertThat(api.post("/v1/conversations/conv_missing/feedback", Map.of("rating", 4))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void agentStatsCountChatsResponseResolutionAndCsat() {
        strategy("manual");
        String sara = agent(api, "Sara", "online", 5);
        Api saraApi = signIn(sara);
        String id = start(null, "hello");
        TestClock clock = TestClock.shared();
        clock.freeze();
        api.patch("/v1/conversations/" + id, Map.of("assigned_to", sara));
        clock.advance(Duration.ofSeconds(120));
        saraApi.post("/v1/chats/" + id + "/messages", Map.of("text", "Hello!"));
        clock.advance(Duration.ofMinutes(8));
        api.patch("/v1/chats/" + id, Map.of("status", "resolved"));
        api.post("/v1/conversations/" + id + "/feedback", Map.of("rating", 5));
        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();

        JsonNode stats = api.get("/v1/agents/" + sara + "/stats?from=" + today + "&to=" + today)
                .json();
        JsonNode byDefault = api.get("/v1/agents/" + sara + "/stats").json();
        JsonNode longAgo = api.get("/v1/agents/" + sara + "/stats?from=2020-01-01&to=2020-01-31")
                .json();

        assertThat(stats.path("agent_id").asString()).isEqualTo(sara);
        assertThat(stats.at("/period/from").asString()).isEqualTo(today);
        assertThat(stats.at("/stats/total_chats").asInt()).isEqualTo(1);
        assertThat(stats.at("/stats/resolved_chats").asInt()).isEqualTo(1);
        assertThat(stats.at("/stats/avg_response_time_seconds").asInt()).isEqualTo(120);
        assertThat(stats.at("/stats/avg_resolution_time_minutes").asInt()).isEqualTo(10);
        assertThat(stats.at("/stats/csat_score").asDouble()).isEqualTo(5.0);
        assertThat(stats.at("/stats/csat_responses").asInt()).isEqualTo(1);
        assertThat(byDefault.at("/stats/total_chats").asInt()).isEqualTo(1);
        assertThat(longAgo.at("/stats/total_chats").asInt()).isZero();
        assertThat(api.get("/v1/agents/" + sara + "/stats?from=yesterday").status())
                .isEqualTo(400);
        assertThat(api.get("/v1/agents/" + sara + "/stats?from=2026-02-11&to=2026-02-01")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/v1/agents/agent_missing/stats").status()).isEqualTo(404);
    }

    @Test
    void listsConversationsByAssigneeChannelAndTags() {
        strategy("manual");
        String sara = agent(api, "Sara", "online", 5);
        String tagged = start(null, "one");
        String other = start(null, "two");
        api.patch("/v1/conversations/" + tagged, Map.of("assigned_to", sara, "tags", List.of("vip", "billing_1")));
        api.patch("/v1/conversations/" + other, Map.of("tags", List.of("billing")));

        assertThat(ids(api.get("/v1/conversations?assigned_to=" + sara))).containsExactly(tagged);
        assertThat(ids(api.get("/v1/conversations?agent_id=" + sara))).containsExactly(tagged);
        assertThat(ids(api.get("/v1/conversations?tags=vip,billing_1"))).containsExactly(tagged);
        assertThat(ids(api.get("/v1/conversations?tags=billing"))).containsExactly(other);
        assertThat(ids(api.get("/v1/conversations?channel=widget"))).containsExactlyInAnyOrder(tagged, other);
        assertThat(ids(api.get("/v1/conversations?channel=email"))).isEmpty();
        assertThat(api.get("/v1/conversations?tags=%25").status()).isEqualTo(400);
    }

    @Test
    void servesContactsAndTheirConversations() {
        String id = start("visitor@example.com", "hello");
        JsonNode list = api.get("/v1/contacts?email=visitor@example.com").json();
        String contact = list.path("data").get(0).path("id").asString();

        Api.Response patched = api.patch(
                "/v1/contacts/" + contact,
                Map.of("name", "Visitor", "phone", "+998901234567", "metadata", Map.of("plan", "premium")));
        JsonNode conversations =
                api.get("/v1/contacts/" + contact + "/conversations").json();

        assertThat(list.path("pagination").path("total_count").asInt()).isEqualTo(1);
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("phone").asString()).isEqualTo("+998901234567");
        assertThat(patched.json().at("/metadata/plan").asString()).isEqualTo("premium");
        assertThat(api.get("/v1/chats/" + id).json().at("/visitor/phone").asString())
                .isEqualTo("+998901234567");
        assertThat(conversations.path("data").get(0).path("id").asString()).isEqualTo(id);
        assertThat(api.patch("/v1/contacts/" + contact, Map.of("phone", "call me"))
                        .status())
                .isEqualTo(400);
        assertThat(api.patch("/v1/contacts/" + contact, Map.of("metadata", "x")).status())
                .isEqualTo(400);
        assertThat(api.get("/v1/contacts?per_page=500").status()).isEqualTo(400);
        assertThat(api.get("/v1/contacts/cust_missing").status()).isEqualTo(404);
    }

    @Test
    void anotherWorkspaceAndItsAgentsSeeNothingOfThisOne() {
        strategy("manual");
        String id = start("private@example.com", "hello");
        String contact =
                api.get("/v1/contacts").json().path("data").get(0).path("id").asString();
        TestWorkspace otherStore = fixtures.workspace();
        Api other = Api.at(port).withKey(otherStore.liveKey());
        String stranger = agent(other, "Stranger", "online", 5);
        String email = other.get("/v1/agents/" + stranger).json().path("email").asString();
        Api strangerApi = Api.at(port)
                .withKey(Api.at(port)
                        .post("/v1/auth/login", Map.of("email", email, "password", PASSWORD))
                        .json()
                        .path("token")
                        .asString());
        Api testMode = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.TEST));

        for (Api outsider : List.of(other, strangerApi, testMode)) {
            assertThat(outsider.get("/v1/chats/" + id).status()).isEqualTo(404);
            assertThat(outsider.get("/v1/chats").json().path("data")).isEmpty();
            assertThat(outsider.post("/v1/chats/" + id + "/messages", Map.of("text", "hi"))
                            .status())
                    .isEqualTo(404);
            assertThat(outsider.patch("/v1/chats/" + id, Map.of("notes", "x")).status())
                    .isEqualTo(404);
            assertThat(outsider.post("/v1/conversations/" + id + "/notes", Map.of("content", "x"))
                            .status())
                    .isEqualTo(404);
            assertThat(outsider.post("/v1/conversations/" + id + "/handback", Map.of())
                            .status())
                    .isEqualTo(404);
            assertThat(outsider.post("/v1/conversations/" + id + "/feedback", Map.of("rating", 1))
                            .status())
                    .isEqualTo(404);
            assertThat(outsider.get("/v1/contacts/" + contact).status()).isEqualTo(404);
        }
        // Nor can this workspace's conversations be given to another workspace's agent.
        assertThat(api.patch("/v1/chats/" + id, Map.of("assigned_to", stranger)).status())
                .isEqualTo(400);
    }

    private static List<String> ids(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json()
                .path("data")
                .valueStream()
                .map(c -> c.path("id").asString())
                .toList();
    }
}
