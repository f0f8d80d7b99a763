package dev.parley.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.assistant.ModelWait;
import dev.parley.assistant.ScriptedOpenAiServerForTests;
import dev.parley.platform.ApiException;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Back-pressure on assistant turns: while every place is held, a new turn is refused with 503 in the error envelope
 * and {@code Retry-After}, and nothing of it is stored; once a place frees, turns are answered again. A turn waiting
 * for a remote language model (the scripted fake on 127.0.0.2, held until the test releases it) holds no place, and
 * takes one again, however long that takes, when the model has answered.
 */
@ApiTest
@Tag("database")
class TurnGateTests {

    static final String RETURNS = """
            # Returns

            You can return unworn shoes and clothing within 30 days of delivery for a full refund. Items must have \
            their original tags. Start a return from the Orders page of your account and print the prepaid label.
            """;
    static final String QUESTION = "can i send back sneakers i never wore?";
    static final String MODEL_ANSWER = "Yes: unworn shoes can be returned within 30 days [1].";

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    TurnGate gate;

    @Autowired
    ConversationProperties properties;

    Api api;
    ScriptedOpenAiServerForTests model;
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        api = Api.at(port).withKey(fixtures.workspace().liveKey());
        model = ScriptedOpenAiServerForTests.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        model.close();
    }

    @Test
    void refusesATurnWithRetryAfterWhileEveryPlaceIsHeldAndStoresNothing() {
        long before = conversations();
        List<TurnGate.Permit> held = holdEveryPlace();
        try {
            Api.Response chat = api.post("/v1/chat", Map.of("message", "Where is my order?"));
            Api.Response started = api.post("/v1/conversations", Map.of("initial_message", "Where is my order?"));

            for (Api.Response refused : List.of(chat, started)) {
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.errorCode()).isEqualTo("service_unavailable");
                assertThat(refused.json().at("/error/details/retry_after").asLong())
                        .isEqualTo(TurnGate.RETRY_AFTER_SECONDS);
                assertThat(refused.header("Retry-After")).contains(Long.toString(TurnGate.RETRY_AFTER_SECONDS));
            }
            // Reads need no place.
            assertThat(api.get("/v1/conversations").status()).isEqualTo(200);
            assertThat(conversations()).isEqualTo(before);
        } finally {
            held.forEach(TurnGate.Permit::close);
        }

        Api.Response answered = api.post("/v1/chat", Map.of("message", "Where is my order?"));

        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.json().path("response").asString()).isNotBlank();
        assertThat(conversations()).isEqualTo(before + 1);
    }

    @Test
    void aMessageToAnExistingConversationIsRefusedToo() {
        String conversation = api.post("/v1/chat", Map.of("message", "Hello"))
                .json()
                .path("conversation_id")
                .asString();
        List<TurnGate.Permit> held = holdEveryPlace();
        try {
            Api.Response refused = api.post(
                    "/v1/conversations/" + conversation + "/messages", Map.of("content", "Do you ship abroad?"));

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isPresent();
        } finally {
            held.forEach(TurnGate.Permit::close);
        }
        assertThat(api.get("/v1/conversations/" + conversation).json().path("messages"))
                .hasSize(2);
    }

    @Test
    void turnsWaitingForARemoteModelLeaveTheirPlacesToOtherTurns() throws Exception {
        // given: more turns waiting for a remote model than the node has places
        int places = properties.maxTurnsInFlight();
        int slow = places + 2;
        List<Api> remote = workspacesWithTheModel(3);
        for (int i = 0; i < slow; i++) {
            model.answersWhenReleased(release, MODEL_ANSWER);
        }
        try (ExecutorService turns = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Api.Response>> answers = new ArrayList<>();
            // every place taken by a turn first, then more: each wave asks the model before the next is sent
            answers.addAll(ask(turns, remote, 0, places));
            awaitModelRequests(places);
            answers.addAll(ask(turns, remote, places, slow));
            awaitModelRequests(slow);

            // when
            Api.Response offline = api.post("/v1/chat", Map.of("message", "Where is my order?"));
            Api.Response started = api.post("/v1/conversations", Map.of("initial_message", "Do you ship abroad?"));
            release.countDown();

            // then
            assertThat(offline.status()).as(offline.toString()).isEqualTo(200);
            assertThat(started.status()).as(started.toString()).isEqualTo(200);
            assertAnsweredByTheModelAndStoredOnce(answers, remote);
        }
    }

    @Test
    void aTurnBackFromTheModelWaitsForAPlaceAsLongAsItTakesAndIsNeverRefused() throws Exception {
        // given: turns waiting for the model, then every place taken by other turns
        int slow = 3;
        List<Api> remote = workspacesWithTheModel(1);
        for (int i = 0; i < slow; i++) {
            model.answersWhenReleased(release, MODEL_ANSWER);
        }
        try (ExecutorService turns = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Api.Response>> answers = ask(turns, remote, 0, slow);
            awaitModelRequests(slow);
            List<TurnGate.Permit> held = holdEveryPlace();
            try {
                // when: the model answers while no place is free, for longer than a new turn would wait
                release.countDown();
                await(() -> gate.waiting() >= slow, "the answered turns did not wait for their places");
                Thread.sleep(properties.turnQueueWait().multipliedBy(3));

                assertThat(answers).noneMatch(Future::isDone);
                assertThat(gate.waiting()).isEqualTo(slow);
            } finally {
                held.forEach(TurnGate.Permit::close);
            }

            // then
            assertAnsweredByTheModelAndStoredOnce(answers, remote);
        }
    }

    @Test
    void aPlaceGivenBackForTheModelIsTakenAgainAndFreedOnceAtTheEnd() {
        List<TurnGate.Permit> held = holdEveryPlace();
        TurnGate.Permit last = held.removeLast();
        try {
            // when: the last turn waits for a model, and waits again inside that wait
            AtomicBoolean enteredMeanwhile = new AtomicBoolean();
            ModelWait.around(
                    last,
                    () -> ModelWait.during(() -> {
                        try (TurnGate.Permit other = gate.enter()) {
                            enteredMeanwhile.set(true);
                        }
                        return ModelWait.during(() -> null);
                    }));

            // then: its place served another turn meanwhile, and it holds one again
            assertThat(enteredMeanwhile).isTrue();
            assertThatThrownBy(gate::enter).isInstanceOf(ApiException.class);
        } finally {
            last.close();
            last.close();
            held.forEach(TurnGate.Permit::close);
        }
        List<TurnGate.Permit> again = holdEveryPlace();
        again.forEach(TurnGate.Permit::close);
        assertThat(again).hasSize(properties.maxTurnsInFlight());
    }

    /** Workspaces that answer with the scripted model, each from a returns policy the model's question matches. */
    private List<Api> workspacesWithTheModel(int count) {
        List<Api> workspaces = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Api workspace = Api.at(port).withKey(fixtures.workspace().liveKey());
            workspace.post("/v1/knowledge-base", Map.of("title", "Returns policy", "content", RETURNS));
            Api.Response configured = workspace.send("PUT", "/v1/assistant/model", model.modelSettings());
            assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
            workspaces.add(workspace);
        }
        return workspaces;
    }

    /** Turns {@code from} to {@code to} (exclusive), each on a thread of its own, spread over the workspaces. */
    private static List<Future<Api.Response>> ask(ExecutorService turns, List<Api> workspaces, int from, int to) {
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Api workspace = workspaces.get(i % workspaces.size());
            answers.add(turns.submit(() -> workspace.post("/v1/chat", Map.of("message", QUESTION))));
        }
        return answers;
    }

    /**
     * Every turn answered with the model's words, each in a conversation of its own holding its two messages, read
     * from the workspace that asked it ({@link #ask} spreads turn {@code i} to workspace {@code i % size}): reading
     * every conversation from every workspace would pass the workspaces' burst rate limit.
     */
    private void assertAnsweredByTheModelAndStoredOnce(List<Future<Api.Response>> answers, List<Api> workspaces)
            throws Exception {
        Map<String, String> replies = new HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            Api.Response response = answers.get(i).get(1, TimeUnit.MINUTES);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            String reply = response.json().path("response").asString();
            assertThat(reply).contains("within 30 days [1]");
            String id = response.json().path("conversation_id").asString();
            replies.put(id, reply);
            Api.Response conversation = workspaces.get(i % workspaces.size()).get("/v1/conversations/" + id);
            assertThat(conversation.status()).as(conversation.toString()).isEqualTo(200);
            assertThat(conversation.json().path("messages"))
                    .extracting(m -> m.path("content").asString())
                    .containsExactly(QUESTION, reply);
        }
        assertThat(replies).hasSize(answers.size());
        for (Api workspace : workspaces) {
            long expected = answers.size() / workspaces.size()
                    + (workspaces.indexOf(workspace) < answers.size() % workspaces.size() ? 1 : 0);
            Api.Response listed = workspace.get("/v1/conversations");
            assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
            assertThat(listed.json().at("/pagination/total_count").asLong())
                    .as(listed.toString())
                    .isEqualTo(expected);
        }
        assertThat(model.requests()).hasSize(answers.size());
    }

    private void awaitModelRequests(int count) {
        await(() -> model.requests().size() >= count, "the model was not asked " + count + " times");
    }

    private static void await(BooleanSupplier condition, String failure) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            try {
                Thread.sleep(Duration.ofMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Takes places until none is left, as that many turns in flight would. */
    private List<TurnGate.Permit> holdEveryPlace() {
        List<TurnGate.Permit> held = new ArrayList<>();
        try {
            while (true) {
                held.add(gate.enter());
            }
        } catch (ApiException full) {
            assertThat(held).isNotEmpty();
            return held;
        }
    }

    private long conversations() {
        return api.get("/v1/conversations").json().at("/pagination/total_count").asLong();
    }
}
