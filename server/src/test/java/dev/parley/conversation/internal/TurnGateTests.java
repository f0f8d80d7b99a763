package dev.parley.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.ApiException;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Back-pressure on assistant turns: while every place is held, a new turn is refused with 503 in the error envelope
 * and {@code Retry-After}, and nothing of it is stored; once a place frees, turns are answered again.
 */
@ApiTest
@Tag("database")
class TurnGateTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    TurnGate gate;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port).withKey(fixtures.workspace().liveKey());
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
