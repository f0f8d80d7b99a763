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
        assertThat(dialects.request(Dialect.VOICE, "/api/sessions", request).toString())
                .as("every endpoint reads camelCase; only seed 000's scrape moves maxPages into options")
                .isEqualTo("{\"url\":\"https://shop.example\",\"max_pages\":5,"
                        + "\"options\":{\"follow_links\":false,\"extract_faqs\":true},"
                        + "\"metadata\":{\"campaignName\":\"spring\"}}");
    }

    @Test
    void canonicalBodiesInSnakeCaseAndSignedOnesPassAsSent() {
        JsonNode snake = JSON.readTree("{\"customer_email\":\"a@b.c\",\"context\":{\"page_url\":\"/\"}}");
        JsonNode camel = JSON.readTree("{\"id\":123,\"customerEmail\":\"a@b.c\"}");

        assertThat(dialects.request(Dialect.CANONICAL, "/v1/conversations", snake))
                .isNull();
        assertThat(dialects.request(Dialect.CANONICAL, "/v1/webhooks/shopify/orders", camel))
                .isNull();
        assertThat(dialects.request(Dialect.CANONICAL, "/v1/conversations", camel)
                        .toString())
                .isEqualTo("{\"id\":123,\"customer_email\":\"a@b.c\"}");
    }

    @Test
    void queryParametersAnswerToEverySeedsName() {
        java.util.Map<String, String[]> read = SeedDialects.parameters(java.util.Map.of(
                "limit",
                new String[] {"5"},
                "startDate",
                new String[] {"2026-01-01"},
                "to",
                new String[] {"x"},
                "end_date",
                new String[] {"2026-01-31"}));

        assertThat(read.get("per_page")).containsExactly("5");
        assertThat(read.get("start_date")).containsExactly("2026-01-01");
        assertThat(read.get("from")).containsExactly("2026-01-01");
        assertThat(read.get("end_date")).as("sent itself, so kept").containsExactly("2026-01-31");
        assertThat(read.get("to")).containsExactly("x");
        assertThat(read).doesNotContainKey("group_by");
    }

    @Test
    void anErrorNamesAFieldAsTheClientSpelledIt() {
        java.util.Map<String, String> spelled = new java.util.HashMap<>();
        SeedDialects.spellings(JSON.readTree("{\"context\":{\"pageUrl\":1},\"metadata\":{\"myKey\":2}}"), spelled);
        JsonNode error = JSON.readTree(
                "{\"error\":{\"code\":\"invalid_request\"," + "\"details\":{\"field\":\"context.page_url\"}}}");

        assertThat(spelled).containsOnlyKeys("page_url");
        assertThat(SeedDialects.fieldAsSent(error, spelled)
                        .at("/error/details/field")
                        .asString())
                .isEqualTo("context.pageUrl");
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
