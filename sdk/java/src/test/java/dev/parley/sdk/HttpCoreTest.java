package dev.parley.sdk;

import static dev.parley.sdk.FakeUpstream.Step.answer;
import static dev.parley.sdk.FakeUpstream.envelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.core.Json;
import dev.parley.sdk.model.Answer;
import dev.parley.sdk.model.ChatSendParams;
import dev.parley.sdk.model.Params;
import dev.parley.sdk.model.SeedMessageParams;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The client's own behaviour against a fake upstream: retries, backoff, Retry-After, idempotency keys, errors. */
class HttpCoreTest {
    @Test
    void aPostRetriedAfter503And502SendsOneIdempotencyKeyOnEveryAttempt() throws Exception {
        try (FakeUpstream fake = new FakeUpstream(
                answer(503, envelope("service_unavailable", "busy", Map.of())),
                answer(502, envelope("integration_error", "upstream", Map.of())),
                answer(200, Map.of("conversation_id", "conv_1", "response", "hi", "confidence", 0.9)))) {
            Answer answer = fake.client()
                    .maxRetries(3)
                    .build()
                    .sendMessage(new SeedMessageParams().message("hello").userId("u1"));
            assertEquals("hi", answer.answer());
            assertEquals(0.9, answer.confidence());
            assertEquals(3, fake.requests.size());
            List<String> keys =
                    fake.requests.stream().map(r -> r.header("Idempotency-Key")).collect(Collectors.toList());
            assertNotNull(keys.get(0));
            assertTrue(keys.get(0).length() > 10, "a key is generated");
            assertEquals(1, keys.stream().distinct().count(), "the same key on every retry: " + keys);
            assertEquals(
                    Map.of("message", "hello", "user_id", "u1"),
                    Json.parse(fake.requests.get(0).body),
                    "camelCase sent as snake_case");
        }
    }

    @Test
    void everyPostCallGetsItsOwnKeyAGivenOneIsSentAsIsAndGetsSendNone() throws Exception {
        try (FakeUpstream fake = new FakeUpstream(answer(200, Map.of("response", "ok")))) {
            Parley client = fake.client().build();
            client.chat().send(new ChatSendParams().message("one"));
            client.chat().send(new ChatSendParams().message("two"));
            client.chat().send(new ChatSendParams().message("three"), RequestOptions.idempotencyKey("my-key-1"));
            client.orders().get("1001");
            assertNotEquals(
                    fake.requests.get(0).header("Idempotency-Key"),
                    fake.requests.get(1).header("Idempotency-Key"));
            assertEquals("my-key-1", fake.requests.get(2).header("Idempotency-Key"));
            assertNull(fake.requests.get(3).header("Idempotency-Key"));
            assertEquals("GET", fake.requests.get(3).method);
            assertEquals("/v1/orders/1001", fake.requests.get(3).uri);
            assertEquals(
                    "Bearer sk_test_" + "a".repeat(32), fake.requests.get(3).header("Authorization"));
            assertTrue(fake.requests.get(3).header("User-Agent").startsWith("parley-java/"));
        }
    }

    @Test
    void a429WaitsForRetryAfterBeforeTheRetry() throws Exception {
        try (FakeUpstream fake = new FakeUpstream(
                answer(429, Map.of("Retry-After", "1"), envelope("rate_limited", "slow down", Map.of())),
                answer(200, Map.of("response", "ok")))) {
            assertEquals(
                    "ok",
                    fake.client()
                            .maxRetries(1)
                            .build()
                            .chat()
                            .send(new ChatSendParams().message("hi"))
                            .response());
            assertEquals(2, fake.requests.size());
            // A lower bound only: the client waited at least the second the server asked for.
            long waitedMs = (fake.requests.get(1).atNanos - fake.requests.get(0).atNanos) / 1_000_000;
            assertTrue(waitedMs >= 950, "waited " + waitedMs + " ms");
        }
    }

    @Test
    void retriesStopAfterMaxRetriesAndTheLastErrorIsThrownTypedWithTheEnvelope() throws Exception {
        try (FakeUpstream fake = new FakeUpstream(
                answer(429, Map.of("Retry-After", "0"), envelope("rate_limited", "slow down", Map.of("limit", 20))))) {
            RateLimitException error = assertThrows(
                    RateLimitException.class,
                    () -> fake.client().maxRetries(2).build().chat().send(new ChatSendParams().message("hi")));
            assertEquals("rate_limited", error.code());
            assertEquals(429, error.status());
            assertEquals("slow down", error.getMessage());
            assertEquals(20L, error.details().getLong("limit"));
            assertEquals("req_envelope", error.requestId());
            assertEquals(0L, error.retryAfter());
            assertEquals(3, fake.requests.size());
        }
    }

    @Test
    void aRetryAfterLongerThanMaxRetryAfterIsThrownAtOnce() throws Exception {
        try (FakeUpstream fake = new FakeUpstream(
                answer(429, Map.of("Retry-After", "3600"), envelope("quota_exceeded", "quota spent", Map.of())))) {
            RateLimitException error = assertThrows(
                    RateLimitException.class,
                    () -> fake.client().maxRetries(3).build().chat().send(new ChatSendParams().message("hi")));
            assertEquals("quota_exceeded", error.code());
            assertEquals(3600L, error.retryAfter());
            assertEquals(1, fake.requests.size());
        }
    }

    @Test
    void clientErrorsAreNotRetriedAndMapToTheirClasses() throws Exception {
        Object[][] cases = {
            {400, "invalid_request", InvalidRequestException.class},
            {401, "invalid_api_key", AuthenticationException.class},
            {403, "insufficient_permissions", PermissionDeniedException.class},
            {404, "not_found", NotFoundException.class},
            {409, "conflict", ConflictException.class},
            {413, "payload_too_large", PayloadTooLargeException.class},
            {415, "unsupported_media_type", UnsupportedMediaTypeException.class},
            {500, "internal_error", ServerException.class},
        };
        for (Object[] c : cases) {
            int status = (Integer) c[0];
            try (FakeUpstream fake =
                    new FakeUpstream(answer(status, envelope((String) c[1], "nope", Map.of("field", "x"))))) {
                ApiException error = assertThrows(
                        ApiException.class,
                        () -> fake.client().build().conversations().get("conv_x"));
                assertInstanceOf((Class<?>) c[2], error, status + " maps to " + c[2]);
                assertEquals(c[1], error.code());
                assertEquals("x", error.details().getString("field"));
                assertEquals(1, fake.requests.size(), status + " is not retried");
            }
        }
    }

    @Test
    void aRequestStillInProgressUnderItsKeyIsRetried() throws Exception {
        try (FakeUpstream fake = new FakeUpstream(
                answer(409, envelope("idempotency_request_in_progress", "still working", Map.of())),
                answer(200, Map.of("response", "done")))) {
            assertEquals(
                    "done",
                    fake.client()
                            .build()
                            .chat()
                            .send(Params.of("message", "hi"))
                            .response());
            assertEquals(2, fake.requests.size());
            assertEquals(
                    fake.requests.get(0).header("Idempotency-Key"),
                    fake.requests.get(1).header("Idempotency-Key"));
        }
    }

    @Test
    void aDroppedConnectionIsRetriedWithTheSameKey() throws Exception {
        try (FakeUpstream fake = new FakeUpstream(FakeUpstream.Step.drop(), answer(200, Map.of("response", "ok")))) {
            assertEquals(
                    "ok",
                    fake.client()
                            .build()
                            .chat()
                            .send(Params.of("message", "hi"))
                            .response());
            assertEquals(2, fake.requests.size());
            assertEquals(
                    fake.requests.get(0).header("Idempotency-Key"),
                    fake.requests.get(1).header("Idempotency-Key"));
        }
    }

    @Test
    void aRefusedConnectionIsRetriedThenThrownAsApiConnectionException() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Parley client = Parley.builder()
                .apiKey("sk_test_" + "a".repeat(32))
                .baseUrl("http://127.0.0.1:" + port)
                .maxRetries(2)
                .maxRetryDelay(Duration.ofMillis(20))
                .build();
        ApiConnectionException error =
                assertThrows(ApiConnectionException.class, () -> client.orders().get("1"));
        assertEquals("connection_error", error.code());
        assertNotNull(error.getCause());
    }

    @Test
    void aNonJsonErrorBodyStillGivesATypedErrorWithTheStatus() throws Exception {
        try (FakeUpstream fake = new FakeUpstream(answer(500, "plain failure"))) {
            ServerException error = assertThrows(
                    ServerException.class,
                    () -> fake.client().maxRetries(0).build().orders().get("1"));
            assertEquals("http_500", error.code());
            assertEquals(500, error.status());
            assertEquals("req_fake", error.requestId(), "from the X-Request-Id header");
        }
    }

    @Test
    void backoffGrowsWithJitterAndHonoursRetryAfterAsSecondsOrAnHttpDate() {
        HttpCore core = Parley.builder()
                .apiKey("k")
                .baseUrl("http://127.0.0.1:1")
                .build()
                .http();
        for (int attempt = 0; attempt < 6; attempt++) {
            long ceiling = Math.min(8000, 500L << attempt);
            long ms = core.backoff(attempt, null).toMillis();
            assertTrue(ms >= ceiling / 2 && ms <= ceiling, attempt + ": " + ms);
        }
        long ms = core.backoff(0, "2").toMillis();
        assertTrue(ms >= 2000 && ms < 2100, "Retry-After 2: " + ms);
        assertEquals(1.5, HttpCore.parseRetryAfter("1.5"));
        assertNull(HttpCore.parseRetryAfter("soon"));
        assertNull(HttpCore.parseRetryAfter(null));
        assertEquals(0.0, HttpCore.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), "a past date: no wait");
    }

    @Test
    void queryParametersAreSnakeCasedJoinedAndEncoded() throws Exception {
        try (FakeUpstream fake = new FakeUpstream(answer(200, Map.of("data", List.of(), "pagination", Map.of())))) {
            fake.client()
                    .build()
                    .conversations()
                    .list(Params.of("customerEmail", "a b@example.com", "tags", List.of("vip", "new")))
                    .firstPage();
            assertEquals(
                    "/v1/conversations?customer_email=a%20b%40example.com&tags=vip%2Cnew", fake.requests.get(0).uri);
        }
    }
}
