package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every client mistake gets a 4xx in the envelope, with the request id, localized. On both databases, since they
 * differ in what text they take (PostgreSQL refuses NUL, H2 stores it).
 */
@ApiTest
@Tag("database")
class ErrorEnvelopeTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    Api api;
    TestWorkspace workspace;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
    }

    @Test
    void answersAnOversizedAuthorizationHeaderInTheEnvelope() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/stores/" + workspace.id() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Authorization: Bearer sk_live_" + "x".repeat(100 * 1024) + "\r\n"
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 431");
            assertThat(response).containsIgnoringCase("Content-Type: application/json");
            JsonNode body = tools.jackson.databind.json.JsonMapper.builder()
                    .build()
                    .readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
            assertThat(body.at("/error/code").asString()).isEqualTo("request_headers_too_large");
            assertThat(body.path("request_id").asString()).startsWith("req_");
        }
    }

    @Test
    void answersMalformedJsonWithInvalidRequest() {
        Api.Response response = api.send("PATCH", "/v1/stores/" + workspace.id(), "{\"name\": \"Acme\",");

        assertEnvelope(response, 400, "invalid_request");
        assertThat(response.json().at("/error/details/reason").asString()).isEqualTo("malformed_json");
    }

    @Test
    void answersAMissingBodyWithInvalidRequest() {
        Api.Response response = api.send("PATCH", "/v1/stores/" + workspace.id(), "");

        assertEnvelope(response, 400, "invalid_request");
        assertThat(response.json().at("/error/details/reason").asString()).isEqualTo("body_required");
    }

    @Test
    void answersAWrongTypeNamingTheField() {
        Api.Response response = api.patch("/v1/stores/" + workspace.id(), Map.of("domains", "shop.example"));

        assertEnvelope(response, 400, "invalid_request");
        assertThat(response.json().at("/error/details/field").asString()).isEqualTo("domains");
    }

    @Test
    void answersAnOversizedBodyWith413() {
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";

        Api.Response response = api.send("PATCH", "/v1/stores/" + workspace.id(), huge);

        assertEnvelope(response, 413, "payload_too_large");
        assertThat(response.json().at("/error/details/max_bytes").asLong()).isEqualTo(1_048_576);
    }

    @Test
    void answersAnOversizedChunkedBodyWith413() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH /v1/stores/" + workspace.id() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Authorization: Bearer " + workspace.liveKey() + "\r\n"
                            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "y".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 20; i++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).contains("\"code\":\"payload_too_large\"");
        }
    }

    @Test
    void answersUnknownRoutesWith404InTheEnvelope() {
        assertEnvelope(api.get("/v1/no-such-thing"), 404, "not_found");
        assertEnvelope(Api.at(port).get("/no-such-page"), 404, "not_found");
    }

    @Test
    void answersUnknownRoutesUnder_v1WithoutAKeyWith401() {
        assertEnvelope(Api.at(port).get("/v1/no-such-thing"), 401, "invalid_api_key");
    }

    @Test
    void answersAWrongMethodWith405AndTheAllowedOnes() {
        Api.Response response = api.send("PUT", "/v1/stores/" + workspace.id(), "{}");

        assertEnvelope(response, 405, "method_not_allowed");
        assertThat(response.header("Allow").orElse("")).contains("GET").contains("PATCH");
    }

    @Test
    void answersAnUnsupportedContentTypeWith415() {
        Api.Response response =
                api.withHeader("Content-Type", "text/plain").send("PATCH", "/v1/stores/" + workspace.id(), "name=Acme");

        assertEnvelope(response, 415, "unsupported_media_type");
    }

    @Test
    void answersBadPagingParametersWith400() {
        assertEnvelope(api.get("/v1/stores?per_page=101"), 400, "invalid_request");
        assertEnvelope(api.get("/v1/stores?page=0"), 400, "invalid_request");
        Api.Response notANumber = api.get("/v1/stores?page=abc");
        assertEnvelope(notANumber, 400, "invalid_request");
        assertThat(notANumber.json().at("/error/details/parameter").asString()).isEqualTo("page");
    }

    @Test
    void speaksUzbekWhenAskedAndKeepsTheEnglishBeside() {
        Api.Response response =
                api.withHeader("Accept-Language", "uz-UZ,uz;q=0.9,en;q=0.5").get("/v1/stores/store_missing");

        assertEnvelope(response, 404, "not_found");
        JsonNode error = response.json().path("error");
        assertThat(error.path("message").asString()).contains("topilmadi");
        assertThat(error.path("message_en").asString()).isEqualTo("No store with id 'store_missing' exists.");
        assertThat(response.header("Content-Language")).contains("uz");
    }

    @Test
    void carriesMessageEnAlsoWhenTheMessageIsEnglish() {
        Api.Response response = api.withHeader("Accept-Language", "fr-FR").get("/v1/stores/store_missing");

        // seed 003's envelope has message_en on every error
        assertThat(response.json().at("/error/message_en").asString())
                .isEqualTo("No store with id 'store_missing' exists.");
        assertThat(response.json().at("/error/message").asString())
                .isEqualTo("No store with id 'store_missing' exists.");
    }

    @Test
    void putsTheRequestIdOnEveryResponseAndInTheEnvelope() {
        Api.Response ok = api.get("/v1/stores/" + workspace.id());
        Api.Response failed = api.get("/v1/stores/store_missing");
        Api.Response given = api.withHeader("X-Request-Id", "trace-1234567890").get("/v1/stores/store_missing");

        assertThat(ok.header("X-Request-Id").orElseThrow()).startsWith("req_");
        assertThat(failed.json().path("request_id").asString())
                .isEqualTo(failed.header("X-Request-Id").orElseThrow());
        assertThat(given.json().path("request_id").asString()).isEqualTo("trace-1234567890");
    }

    @Test
    void answersABrokenRequestLineWithoutA500() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("GET /v1/stores/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                                    + workspace.liveKey() + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void refusesNulInAMessageBeforeStoringAnything() {
        String body = "{\"initial_message\":\"\\u0000\",\"customer_email\":\"nul@shop.example\"}";

        Api.Response first = api.send("POST", "/v1/conversations", body);
        Api.Response retry = api.send("POST", "/v1/conversations", body);

        assertEnvelope(first, 400, "invalid_request");
        assertThat(first.json().at("/error/details/field").asString()).isEqualTo("initial_message");
        assertThat(first.json().at("/error/details/reason").asString()).isEqualTo("invalid_text");
        assertEnvelope(retry, 400, "invalid_request");
        assertThat(stored("/v1/conversations")).isZero();
        assertThat(stored("/v1/contacts")).isZero();
    }

    @Test
    void refusesAContactLongerThanItsColumnsNamingTheFieldAndStoresNothing() {
        String email = "a".repeat(100_000) + "@shop.example";

        Api.Response longEmail =
                api.post("/v1/conversations", Map.of("initial_message", "hi", "customer_email", email));
        Api.Response longName =
                api.post("/v1/conversations", Map.of("initial_message", "hi", "customer_name", "n".repeat(300)));

        assertEnvelope(longEmail, 400, "invalid_request");
        assertThat(longEmail.json().at("/error/details/field").asString()).isEqualTo("customer_email");
        assertThat(longEmail.json().at("/error/details/reason").asString()).isEqualTo("too_long");
        assertEnvelope(longName, 400, "invalid_request");
        assertThat(longName.json().at("/error/details/field").asString()).isEqualTo("customer_name");
        assertThat(stored("/v1/conversations")).isZero();
        assertThat(stored("/v1/contacts")).isZero();
    }

    @Test
    void answersAValueLongerThanItsColumnWith400AndStoresNothing() {
        // no check before the database knows how long a conversation's context or a seed 002 metadata may be
        Api.Response longContext = api.post(
                "/v1/conversations", Map.of("initial_message", "hi", "context", Map.of("page", "p".repeat(25_000))));
        Api.Response longMetadata =
                api.post("/api/v1/conversations", Map.of("message", "hi", "metadata", Map.of("a", "m".repeat(30_000))));

        for (Api.Response response : List.of(longContext, longMetadata)) {
            assertEnvelope(response, 400, "invalid_request");
            assertThat(response.json().at("/error/details/reason").asString()).isEqualTo("value_too_long");
        }
        assertThat(stored("/v1/conversations")).isZero();
    }

    @Test
    void refusesAMessageOfOnlyControlCharactersAsMissing() {
        Api.Response response = api.send("POST", "/v1/conversations", "{\"initial_message\":\"\\u0001\\u0002 \"}");

        assertEnvelope(response, 400, "missing_field");
        assertThat(stored("/v1/conversations")).isZero();
    }

    @Test
    void refusesLoneSurrogatesNamingTheFieldWherever() {
        String article = api.post("/v1/knowledge-base", Map.of("title", "Returns", "content", "Thirty days."))
                .json()
                .path("article_id")
                .asString();

        Map<String, Api.Response> responses = Map.of(
                "initial_message", api.send("POST", "/v1/conversations", "{\"initial_message\":\"\\ud800\"}"),
                "message", api.send("POST", "/v1/chat", "{\"message\":\"hi \\udc00 there\"}"),
                "context.page_url",
                        api.send("POST", "/v1/chat", "{\"message\":\"hi\",\"context\":{\"page_url\":\"\\ud800\"}}"),
                "query", api.send("POST", "/v1/knowledge-base/search", "{\"query\":\"\\ud800\"}"),
                "content", api.send("PATCH", "/v1/knowledge-base/" + article, "{\"content\":\"\\ud800\"}"),
                "tags[1]", api.send("PATCH", "/v1/knowledge-base/" + article, "{\"tags\":[\"ok\",\"\\udbff\"]}"));

        responses.forEach((field, response) -> {
            assertEnvelope(response, 400, "invalid_request");
            assertThat(response.json().at("/error/details/field").asString())
                    .as(response.toString())
                    .isEqualTo(field);
            assertThat(response.json().at("/error/details/reason").asString()).isEqualTo("invalid_text");
        });
        assertThat(api.get("/v1/knowledge-base/" + article)
                        .json()
                        .path("content")
                        .asString())
                .isEqualTo("Thirty days.");
    }

    @Test
    void keepsSurrogatePairsSuchAsEmoji() {
        Api.Response response =
                api.send("POST", "/v1/conversations", "{\"initial_message\":\"Where is my order? \\ud83d\\udce6\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void answersAWildcardContentTypeWith415() {
        for (String wildcard : new String[] {"*/*", "application/*", "nonsense"}) {
            Api.Response response = api.withHeader("Content-Type", wildcard)
                    .send("POST", "/v1/conversations", "{\"initial_message\":\"hi\"}");

            assertEnvelope(response, 415, "unsupported_media_type");
        }
        assertThat(stored("/v1/conversations")).isZero();
    }

    @Test
    void refusesAnArticleEmptiedOfItsContent() {
        String article = api.post("/v1/knowledge-base", Map.of("title", "Returns", "content", "Thirty days."))
                .json()
                .path("article_id")
                .asString();

        Api.Response emptied = api.patch("/v1/knowledge-base/" + article, Map.of("content", ""));
        Api.Response blank = api.patch("/v1/knowledge-base/" + article, Map.of("content", "  "));

        assertEnvelope(emptied, 400, "missing_field");
        assertEnvelope(blank, 400, "missing_field");
        assertThat(emptied.json().at("/error/details/field").asString()).isEqualTo("content");
        assertThat(api.get("/v1/knowledge-base/" + article)
                        .json()
                        .path("content")
                        .asString())
                .isEqualTo("Thirty days.");
    }

    @Test
    void refusesEscalationNotesOverTheirLimitAndStoresThoseWithin() {
        String conversation = api.post("/v1/conversations", Map.of("initial_message", "Hello"))
                .json()
                .path("conversation_id")
                .asString();

        Api.Response tooLong =
                api.post("/v1/conversations/" + conversation + "/escalate", Map.of("notes", "x".repeat(20_000)));
        // 10,000 quotes are 20,000 characters once escaped as JSON: they must still fit.
        Api.Response longest =
                api.post("/v1/conversations/" + conversation + "/escalate", Map.of("notes", "\"".repeat(10_000)));

        assertEnvelope(tooLong, 400, "invalid_request");
        assertThat(tooLong.json().at("/error/details/field").asString()).isEqualTo("notes");
        assertThat(tooLong.json().at("/error/details/reason").asString()).isEqualTo("too_long");
        assertThat(longest.status()).as(longest.toString()).isEqualTo(200);
    }

    @Test
    void answersAPageFarPastTheEndWithAnEmptyPage() {
        api.post("/v1/conversations", Map.of("initial_message", "Hello"));

        for (String list : new String[] {"/v1/conversations", "/v1/knowledge-base", "/v1/contacts", "/v1/api-keys"}) {
            Api.Response response = api.get(list + "?page=2147483647&per_page=100");

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("data").isEmpty()).isTrue();
            assertThat(response.json().at("/pagination/page").asLong()).isEqualTo(2147483647L);
        }
    }

    private static void assertEnvelope(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode body = response.json();
        assertThat(body.at("/error/code").asString()).isEqualTo(code);
        assertThat(body.at("/error/message").asString()).isNotBlank();
        assertThat(body.at("/error/details").isObject()).isTrue();
        assertThat(body.path("request_id").asString()).isNotBlank();
        assertThat(response.header("X-Request-Id")).isPresent();
    }

    /** How many records of a list the store's live key sees. */
    private long stored(String list) {
        return api.get(list).json().at("/pagination/total_count").asLong();
    }
}
