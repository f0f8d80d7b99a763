package dev.parley.dialect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.dialect.Dialect;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The renamings of each dialect, including the error codes no request can provoke here (an integration failing,
 * an internal error): what a seed 000 or seed 004 client would read.
 */
class SeedDialectsTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    final SeedDialects dialects = new SeedDialects(Clock.fixed(Instant.parse("2024-01-20T10:30:00Z"), ZoneOffset.UTC));

    @Test
    void findsEachSeedsEndpointsByThePathTheClientSent() {
        assertThat(Dialect.of("/api/chat")).isEqualTo(Dialect.OMNIOPS);
        assertThat(Dialect.of("/api/scrape/status/job_1")).isEqualTo(Dialect.OMNIOPS);
        assertThat(Dialect.of("/api/gdpr/export")).isEqualTo(Dialect.OMNIOPS);
        assertThat(Dialect.of("/api/sessions/abc")).isEqualTo(Dialect.VOICE);
        assertThat(Dialect.of("/api/analytics/sessions/abc")).isEqualTo(Dialect.VOICE);
        assertThat(Dialect.of("/health")).isEqualTo(Dialect.VOICE);
        assertThat(Dialect.of("/v1/chat")).isEqualTo(Dialect.CANONICAL);
        assertThat(Dialect.of("/api/v1/conversations")).isEqualTo(Dialect.CANONICAL);
        assertThat(Dialect.of("/api/chats")).isEqualTo(Dialect.CANONICAL);
        assertThat(Dialect.of("/api/analytics")).isEqualTo(Dialect.CANONICAL);
    }

    @Test
    void seed000sRequestsBecomeSnakeCaseButACallersMetadataKeepsItsKeys() {
        JsonNode request = JSON.readTree("""
                {"url":"https://shop.example","maxPages":5,"options":{"followLinks":false,"extractFAQs":true},
                 "metadata":{"campaignName":"spring"}}""");
        JsonNode renamed = dialects.request(Dialect.OMNIOPS, "/api/scrape", request);
        assertThat(renamed.toString())
                .isEqualTo(
                        "{\"url\":\"https://shop.example\",\"options\":{\"follow_links\":false,\"extract_faqs\":true,"
                                + "\"max_pages\":5},\"metadata\":{\"campaignName\":\"spring\"}}");
        assertThat(dialects.request(Dialect.VOICE, "/api/sessions", request)).isNull();
    }

    @Test
    void seed000sResponsesAreCamelCaseAndItsErrorsFlat() {
        JsonNode answer = JSON.readTree("{\"conversation_id\":\"conv_1\",\"metadata\":{\"tokens_used\":3}}");
        assertThat(dialects.response(Dialect.OMNIOPS, "/api/chat", 200, answer).toString())
                .isEqualTo("{\"conversationId\":\"conv_1\",\"metadata\":{\"tokensUsed\":3}}");

        JsonNode failed = JSON.readTree("""
                {"error":{"code":"internal_error","message":"Something failed","details":{"field":"options.max_pages"},
                 "request_id":"req_1"},"request_id":"req_1"}""");
        assertThat(dialects.response(Dialect.OMNIOPS, "/api/scrape", 500, failed)
                        .toString())
                .isEqualTo(
                        "{\"error\":\"Something failed\",\"code\":\"INTERNAL_ERROR\",\"details\":"
                                + "{\"field\":\"options.maxPages\"},\"timestamp\":\"2024-01-20T10:30:00Z\",\"requestId\":\"req_1\"}");
    }

    @Test
    void seed004NamesAnIntegrationErrorByItsService() {
        assertThat(voiceCode("integration_error", "shopify")).isEqualTo("SHOPIFY_API_ERROR");
        assertThat(voiceCode("integration_error", "livekit")).isEqualTo("LIVEKIT_ERROR");
        assertThat(voiceCode("integration_error", "woocommerce")).isEqualTo("INTEGRATION_ERROR");
        assertThat(voiceCode("internal_error", null)).isEqualTo("INTERNAL_ERROR");
        assertThat(voiceCode("missing_field", null)).isEqualTo("VALIDATION_ERROR");
        assertThat(voiceCode("conflict", null)).isEqualTo("CONFLICT");
    }

    private String voiceCode(String code, String service) {
        String details = service == null ? "{}" : "{\"service\":\"" + service + "\"}";
        JsonNode failed = JSON.readTree("{\"error\":{\"code\":\"" + code + "\",\"message\":\"m\",\"details\":" + details
                + "},\"request_id\":\"r\"}");
        return dialects.response(Dialect.VOICE, "/api/sessions", 502, failed)
                .at("/error/code")
                .asString();
    }
}
