package dev.parley.sdk.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sdk.AuthenticationException;
import dev.parley.sdk.ConflictException;
import dev.parley.sdk.InvalidRequestException;
import dev.parley.sdk.NotFoundException;
import dev.parley.sdk.Parley;
import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.ApiRequest;
import dev.parley.sdk.core.ApiResponse;
import dev.parley.sdk.core.Page;
import dev.parley.sdk.model.Answer;
import dev.parley.sdk.model.Conversation;
import dev.parley.sdk.model.ConversationCreateParams;
import dev.parley.sdk.model.ConversationCreated;
import dev.parley.sdk.model.ConversationListParams;
import dev.parley.sdk.model.Escalation;
import dev.parley.sdk.model.Message;
import dev.parley.sdk.model.MessageSent;
import dev.parley.sdk.model.Params;
import dev.parley.sdk.model.Reply;
import dev.parley.sdk.model.SeedMessageParams;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Conversations, errors, idempotency and pagination through the client, against the real server. */
class ConversationsLiveTest {
    private static LiveServer server;
    private static Parley client;

    @BeforeAll
    static void workspace() {
        server = LiveServer.get();
        client = server.newWorkspace().client;
    }

    @Test
    void createSendMessageGetListUpdateEscalateResolveFeedback() {
        ConversationCreated conv = client.conversations()
                .create(new ConversationCreateParams()
                        .channel("api")
                        .customerEmail("ana@example.com")
                        .customerName("Ana")
                        .initialMessage("Where is order #1001?"));
        assertTrue(conv.id().startsWith("conv_"), conv.id());
        assertFalse(conv.response().content().isEmpty());
        assertEquals("order_status", conv.analysis().intent());

        MessageSent sent = client.conversations().sendMessage(conv.id(), "It was ana@example.com");
        assertTrue(sent.messageId().startsWith("msg_"));
        assertFalse(sent.response().content().isEmpty());
        assertFalse(sent.escalated());

        Conversation fetched = client.conversations().get(conv.id(), Params.of("includeMessages", true));
        assertEquals(conv.id(), fetched.id());
        assertEquals("ana@example.com", fetched.customer().getString("email"));
        assertTrue(fetched.messages().stream().anyMatch(m -> "It was ana@example.com".equals(m.content())));
        assertEquals(fetched.messages().size(), fetched.messageCount());

        Page<Conversation> page = client.conversations()
                .list(new ConversationListParams().customerEmail("ana@example.com"))
                .firstPage();
        assertTrue(page.data().stream().anyMatch(c -> c.id().equals(conv.id())));
        assertEquals(1, page.pagination().getInt("page"));

        Conversation updated =
                client.conversations().update(conv.id(), Params.of("tags", List.of("vip"), "priority", "high"));
        assertEquals(List.of("vip"), updated.tags());
        assertEquals("high", updated.priority());

        Escalation escalation =
                client.conversations().escalate(conv.id(), Params.of("reason", "customer_request", "priority", "high"));
        assertTrue(escalation.escalated());
        assertTrue(escalation.ticketId().startsWith("T-"), escalation.ticketId());

        assertTrue(client.conversations()
                .resolve(conv.id(), Params.of("resolutionType", "agent", "resolutionSummary", "Shipped"))
                .resolved());
        ConflictException again = assertThrows(
                ConflictException.class, () -> client.conversations().resolve(conv.id(), null));
        assertEquals(409, again.status());

        assertEquals(
                5,
                client.conversations()
                        .feedback(conv.id(), Params.of("rating", 5, "comment", "Quick"))
                        .rating());
        assertEquals(5, client.conversations().get(conv.id()).csatScore());
    }

    @Test
    void messagesIterateWithTheCursorWithRepliesAndNotes() {
        ConversationCreated conv = client.conversations()
                .create(Params.of("customerEmail", "cursor@example.com", "initialMessage", "Hello there"));
        for (String text : List.of("one", "two", "three")) {
            client.conversations().sendMessage(conv.id(), text);
        }
        Reply reply = client.conversations().reply(conv.id(), Params.of("content", "An agent here"));
        assertEquals("agent", reply.role());
        assertEquals(
                "note", client.conversations().addNote(conv.id(), "private").role());

        Page<Message> first = client.conversations()
                .messages(conv.id(), Params.of("limit", 2))
                .firstPage();
        assertEquals(2, first.data().size());
        assertTrue(first.hasMore());
        List<Message> all = client.conversations()
                .messages(conv.id(), Params.of("limit", 2))
                .toList();
        List<String> contents = all.stream().map(Message::content).collect(Collectors.toList());
        List<String> mine = List.of("Hello there", "one", "two", "three", "An agent here");
        assertEquals(mine, contents.stream().filter(mine::contains).collect(Collectors.toList()));
        assertFalse(contents.contains("private"), "notes are not listed");
        assertEquals(all.size(), all.stream().map(Message::id).distinct().count(), "no message twice");
    }

    @Test
    void iteratingAPagedListWalksEveryPage() {
        Parley fresh = server.newWorkspace().client;
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(fresh.conversations()
                    .create(Params.of("customerEmail", "p" + i + "@example.com", "initialMessage", "Question " + i))
                    .id());
        }
        Page<Conversation> first =
                fresh.conversations().list(Params.of("perPage", 2)).firstPage();
        assertEquals(2, first.data().size());
        assertEquals(5, first.pagination().getInt("total_count"));
        assertEquals(3, first.pagination().getInt("total_pages"));

        List<String> seen = new ArrayList<>();
        for (Conversation conversation : fresh.conversations().list(new ConversationListParams().perPage(2))) {
            seen.add(conversation.id());
        }
        assertEquals(new HashSet<>(created), new HashSet<>(seen));
        assertEquals(5, seen.size());
        List<Integer> sizes = new ArrayList<>();
        for (Page<Conversation> p :
                fresh.conversations().list(Params.of("perPage", 2)).pages()) {
            sizes.add(p.data().size());
        }
        assertEquals(List.of(2, 2, 1), sizes);
        assertEquals(
                3, fresh.conversations().list(Params.of("perPage", 2)).toList(3).size());
        assertEquals(
                5, fresh.conversations().list(Params.of("perPage", 2)).stream().count());
    }

    @Test
    void errorsCarryCodeMessageDetailsRequestIdAndStatus() {
        NotFoundException missing = assertThrows(
                NotFoundException.class, () -> client.conversations().get("conv_doesnotexist"));
        assertEquals("not_found", missing.code());
        assertEquals(404, missing.status());
        assertTrue(missing.requestId().startsWith("req_"), missing.requestId());

        InvalidRequestException bad = assertThrows(
                InvalidRequestException.class,
                () -> client.conversations()
                        .list(Params.of("status", "sleeping"))
                        .firstPage());
        assertEquals("invalid_request", bad.code());
        assertEquals(400, bad.status());
        assertEquals("status", bad.details().getString("field"));
        assertFalse(bad.getMessage().isEmpty());

        Parley stranger = server.client("sk_live_" + "x".repeat(32));
        AuthenticationException unauthorized = assertThrows(
                AuthenticationException.class,
                () -> stranger.conversations().list().firstPage());
        assertEquals("invalid_api_key", unauthorized.code());
        assertEquals("invalid", unauthorized.details().getString("reason"));

        Parley uz = Parley.builder()
                .apiKey("sk_live_" + "x".repeat(32))
                .baseUrl(server.baseUrl)
                .language("uz")
                .build();
        AuthenticationException localized = assertThrows(
                AuthenticationException.class, () -> uz.conversations().list().firstPage());
        assertEquals("invalid_api_key", localized.code());
        assertNotEquals(unauthorized.getMessage(), localized.getMessage());
        assertEquals(unauthorized.getMessage(), localized.messageEn());
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstResponseInsteadOfActingTwice() {
        String key = "sdk-java-test-" + System.nanoTime();
        Params params = Params.of("customerEmail", "idem@example.com", "initialMessage", "Hi");
        ConversationCreated first = client.conversations().create(params, RequestOptions.idempotencyKey(key));
        ConversationCreated second = client.conversations().create(params, RequestOptions.idempotencyKey(key));
        assertEquals(first.id(), second.id());
        ApiResponse raw = client.http()
                .send(ApiRequest.post("/v1/conversations").body(params).options(RequestOptions.idempotencyKey(key)));
        assertEquals("true", raw.headers().firstValue("Idempotent-Replayed").orElse(null));

        ConflictException reused = assertThrows(
                ConflictException.class,
                () -> client.conversations()
                        .create(
                                Params.of("customerEmail", "idem@example.com", "initialMessage", "Other"),
                                RequestOptions.idempotencyKey(key)));
        assertEquals("idempotency_key_reused", reused.code());
        assertEquals(
                1,
                client.conversations()
                        .list(Params.of("customerEmail", "idem@example.com"))
                        .toList()
                        .size(),
                "one conversation for three calls with one key");
    }

    @Test
    void seed002OneCallAnswersWithAnswerAndConfidence() {
        Answer answer = client.sendMessage(
                new SeedMessageParams().message("How do I reset my password?").userId("user_1"));
        assertTrue(answer.conversationId().startsWith("conv_"));
        assertEquals(answer.response(), answer.answer());
        assertTrue(answer.confidence() >= 0 && answer.confidence() <= 1);
        Answer followUp =
                client.sendMessage(new SeedMessageParams().message("Thanks").conversationId(answer.conversationId()));
        assertEquals(answer.conversationId(), followUp.conversationId());
    }

    @Test
    void handbackReturnsAnEscalatedConversationToTheAssistant() {
        ConversationCreated conv = client.conversations()
                .create(Params.of("customerEmail", "handback@example.com", "initialMessage", "Hello"));
        client.conversations().escalate(conv.id(), Params.of("reason", "customer_request"));
        assertEquals("active", client.conversations().handback(conv.id()).status());
        assertThrows(ConflictException.class, () -> client.conversations().handback(conv.id()));
    }
}
