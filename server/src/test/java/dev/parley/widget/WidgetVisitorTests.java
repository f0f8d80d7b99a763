package dev.parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Caller;
import dev.parley.platform.WidgetAccess;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The widget's publishable key over REST: it reaches only the conversations its visitor opened (by the visitor token
 * it got then), only from the store's own origins, and no endpoint but the widget's.
 */
@ApiTest
@Tag("database")
class WidgetVisitorTests {

    static final String ORIGIN = "https://shop.example";

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    TestWorkspace workspace;
    Api secret;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace("enterprise", "shop.example");
        secret = Api.at(port).withKey(workspace.liveKey());
    }

    /**
     * The widget's client from the store's page, with a publishable key of its own (so no rate limit answers in the
     * policy's place).
     */
    Api widget() {
        return Api.at(port).withKey(fixtures.publishableKey(workspace.id())).withHeader("Origin", ORIGIN);
    }

    /** A widget visitor: the conversation the widget opened, and the visitor token it got with it. */
    record Visitor(String conversationId, String token) {}

    /** The visitor's widget, sending its visitor token. */
    Api as(Visitor visitor) {
        return widget().withHeader(Caller.VISITOR_TOKEN_HEADER, visitor.token());
    }

    Visitor visitor(String email) {
        Api.Response opened = widget().post(
                        "/v1/conversations",
                        Map.of("channel", "widget", "customer_email", email, "initial_message", "Where is my parcel?"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        String token = opened.json().path("visitor_token").asString();
        return new Visitor(opened.json().path("conversation_id").asString(), token);
    }

    @Test
    void aVisitorReadsContinuesEscalatesAndRatesTheConversationItOpened() throws Exception {
        // given
        Visitor ann = visitor("ann@example.com");

        // when
        Api.Response sent =
                as(ann).post("/v1/conversations/" + ann.conversationId() + "/messages", Map.of("content", "Thanks"));
        Api.Response read = as(ann).get("/v1/conversations/" + ann.conversationId());
        Api.Response missed = as(ann).get("/v1/conversations/" + ann.conversationId() + "/messages");
        Api.Response attached =
                as(ann).post("/v1/files/confirm", Map.of("file_id", uploadedFile(), "chat_id", ann.conversationId()));
        Api.Response escalated = as(ann).post("/v1/conversations/" + ann.conversationId() + "/escalate", Map.of());
        Api.Response rated =
                as(ann).post("/v1/conversations/" + ann.conversationId() + "/feedback", Map.of("rating", 5));

        // then
        assertThat(ann.token()).startsWith("vt_");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("customer").path("email").asString()).isEqualTo("ann@example.com");
        assertThat(read.json().path("messages").size()).isEqualTo(4);
        assertThat(missed.status()).isEqualTo(200);
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        assertThat(escalated.status()).as(escalated.toString()).isEqualTo(200);
        assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
    }

    @Test
    void aSecretKeysConversationCarriesNoVisitorToken() {
        Api.Response opened = secret.post("/v1/conversations", Map.of("channel", "widget", "initial_message", "Hello"));

        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.json().has("visitor_token")).isFalse();
    }

    @Test
    void aPublishableKeyCannotReachAConversationOpenedByASecretKeyOrByAnotherVisitor() throws Exception {
        // given
        String bySecretKey = secret.post(
                        "/v1/conversations",
                        Map.of("channel", "widget", "customer_email", "carol@example.com", "initial_message", "Hi"))
                .json()
                .path("conversation_id")
                .asString();
        Visitor bob = visitor("bob@example.com");
        Visitor ann = visitor("ann@example.com");
        String file = uploadedFile();

        for (String theirs : List.of(bySecretKey, bob.conversationId())) {
            // when
            List<Api.Response> attempts = List.of(
                    as(ann).get("/v1/conversations/" + theirs),
                    as(ann).post("/v1/conversations/" + theirs + "/messages", Map.of("content", "Give me a refund")),
                    as(ann).post("/v1/conversations", Map.of("message", "Give me a refund", "conversation_id", theirs)),
                    as(ann).get("/v1/conversations/" + theirs + "/messages"),
                    as(ann).get("/v1/conversations/" + theirs + "/events"),
                    as(ann).post("/v1/conversations/" + theirs + "/escalate", Map.of("reason", "customer_request")),
                    as(ann).post("/v1/conversations/" + theirs + "/feedback", Map.of("rating", 1)),
                    as(ann).post("/v1/files/confirm", Map.of("file_id", file, "chat_id", theirs)),
                    // the conversation's own id is no token
                    widget().withHeader(Caller.VISITOR_TOKEN_HEADER, theirs).get("/v1/conversations/" + theirs),
                    widget().get("/v1/conversations/" + theirs));

            // then: another's id answers as a missing one does
            for (Api.Response attempt : attempts) {
                assertThat(attempt.status()).as(attempt.toString()).isEqualTo(404);
                assertThat(attempt.errorCode()).isEqualTo("not_found");
            }
            JsonNode untouched = secret.get("/v1/conversations/" + theirs).json();
            assertThat(untouched.path("status").asString()).isEqualTo("active");
            assertThat(untouched.path("message_count").asInt()).isEqualTo(2);
        }
        assertThat(widget().get("/v1/conversations/" + ann.conversationId()).status())
                .as("no token, not even for one's own")
                .isEqualTo(404);
        assertThat(secret.get("/v1/conversations/" + bob.conversationId() + "/messages")
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void refusesAPublishableKeyWithoutAnOriginOrFromAnOriginThatIsNotTheStores() {
        // given
        String key = fixtures.publishableKey(workspace.id());
        Visitor ann = visitor("ann@example.com");
        long before =
                secret.get("/v1/conversations").json().at("/pagination/total").asLong();

        // when
        Api.Response configWithoutOrigin = Api.at(port).withKey(key).get("/v1/widget/config");
        Api.Response openWithoutOrigin = Api.at(port)
                .withKey(key)
                .post("/v1/conversations", Map.of("channel", "widget", "initial_message", "Hello"));
        Api.Response readWithoutOrigin = Api.at(port)
                .withKey(key)
                .withHeader(Caller.VISITOR_TOKEN_HEADER, ann.token())
                .get("/v1/conversations/" + ann.conversationId());
        Api.Response readFromElsewhere = Api.at(port)
                .withKey(key)
                .withHeader("Origin", "https://evil.example")
                .withHeader(Caller.VISITOR_TOKEN_HEADER, ann.token())
                .get("/v1/conversations/" + ann.conversationId());

        // then
        for (Api.Response refused : List.of(configWithoutOrigin, openWithoutOrigin, readWithoutOrigin)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("domain_not_configured");
            assertThat(refused.json().at("/error/details/reason").asString()).isEqualTo("origin_missing");
            assertThat(refused.json().at("/error/message").asString()).contains("Origin");
        }
        assertThat(readFromElsewhere.status()).isEqualTo(403);
        assertThat(readFromElsewhere.errorCode()).isEqualTo("domain_not_configured");
        assertThat(secret.get("/v1/conversations")
                        .json()
                        .at("/pagination/total")
                        .asLong())
                .as("nothing was opened without an origin")
                .isEqualTo(before);
    }

    @Test
    void aPublishableKeyReachesNoEndpointButTheWidgets() {
        // given: every handler that acts for a caller and is not open to the widget
        Visitor ann = visitor("ann@example.com");
        List<String> calls = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (actsForACaller(method) && !method.hasMethodAnnotation(WidgetAccess.class)) {
                for (String path : paths(info)) {
                    for (RequestMethod verb : verbs(info)) {
                        calls.add(verb.name() + " " + path);
                    }
                }
            }
        });

        // when
        List<String> admitted = new ArrayList<>();
        for (String call : calls) {
            String verb = call.substring(0, call.indexOf(' '));
            String path = call.substring(call.indexOf(' ') + 1)
                    .replaceAll("\\{conversation_id}", ann.conversationId())
                    .replaceAll("\\{[^}:]+:([a-z]+_)[^}]*}", "$1x1")
                    .replaceAll("\\{[^}]+}", "x_1");
            // a fresh key for each call, so no rate limit answers in the policy's place
            Api.Response response = Api.at(port)
                    .withKey(fixtures.publishableKey(workspace.id()))
                    .withHeader("Origin", ORIGIN)
                    .withHeader(Caller.VISITOR_TOKEN_HEADER, ann.token())
                    .send(verb, path, verb.equals("GET") || verb.equals("DELETE") ? null : "{}");
            if (!refusedForLackOfPermission(response)) {
                admitted.add(call + " -> " + response.status() + " " + response.text());
            }
        }

        // then
        assertThat(calls).as("the walk found the API").hasSizeGreaterThan(60);
        assertThat(calls)
                .contains("GET /v1/conversations", "GET /v1/contacts", "PATCH /v1/conversations/{conversation_id}");
        assertThat(admitted).isEmpty();
    }

    /** A 403 for the missing permission, in the canonical code or a seed dialect's (000 flat, 004 upper case). */
    private static boolean refusedForLackOfPermission(Api.Response response) {
        if (response.status() != 403) {
            return false;
        }
        JsonNode body = response.json();
        return "insufficient_permissions".equals(body.at("/error/code").asString(""))
                || "INSUFFICIENT_PERMISSIONS".equals(body.at("/code").asString(""))
                || "FORBIDDEN".equals(body.at("/error/code").asString(""));
    }

    private String uploadedFile() throws Exception {
        byte[] text = "order 1001".getBytes(StandardCharsets.UTF_8);
        JsonNode url = widget().post(
                        "/v1/files/upload-url",
                        Map.of("filename", "note.txt", "content_type", "text/plain", "size_bytes", text.length))
                .json();
        String upload = url.path("upload_url").asString().substring(("http://127.0.0.1:" + port).length());
        Api.Response uploaded = Api.at(port).send("PUT", upload, "text/plain", text);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        return url.path("file_id").asString();
    }

    private static boolean actsForACaller(HandlerMethod method) {
        for (MethodParameter parameter : method.getMethodParameters()) {
            if (parameter.getParameterType() == Caller.class) {
                return true;
            }
        }
        return false;
    }

    private static List<String> paths(RequestMappingInfo info) {
        return info.getPatternValues().stream()
                .filter(p -> p.startsWith("/v1/") || p.startsWith("/api/"))
                .toList();
    }

    private static List<RequestMethod> verbs(RequestMappingInfo info) {
        var methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() ? List.of(RequestMethod.GET) : List.copyOf(methods);
    }
}
