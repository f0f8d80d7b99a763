package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Walks every write endpoint the application maps with a test key (one holding every scope) and checks that live
 * state is exactly as it was: workspace configuration, which has no test copy, refuses a test key; mode-scoped data
 * is written in test mode only and live records are out of a test key's reach. A new write endpoint fails this test
 * until it is classified here. The sockets ({@code /v1/ws}, {@code /v1/agent/ws}, the voice socket) carry messages,
 * typing and audio of conversations in their key's mode and write no configuration, so they have no entry here.
 */
@ApiTest
@Tag("database")
class TestKeyWriteTests {

    /** What a test key may do at an endpoint. */
    enum Rule {
        /** No test copy exists: a test key gets 403 "A test key cannot act on live data." */
        WORKSPACE_CONFIGURATION,
        /** Creates data in the caller's mode: a test key succeeds, and the record is a test one. */
        CREATES_IN_MODE,
        /** Acts on one record (by id, or a customer by email): a live one answers a test key 404, as if absent. */
        ACTS_ON_RECORD_IN_MODE,
        /** A search sent as POST: reads only, in the caller's mode. */
        READS,
        /** Not authenticated by an API key (console session cookie, signed link or signed inbound webhook). */
        NOT_BY_API_KEY
    }

    record Walk(Rule rule, String path, Object body) {}

    /** Console pages act for a console user signed in by password, always in live mode, with a CSRF token. */
    private static final Walk CONSOLE = new Walk(Rule.NOT_BY_API_KEY, "a console session cookie", null);

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void aTestKeyChangesNothingLiveAtAnyWriteEndpoint() {
        // given a workspace with live configuration and live records
        TestWorkspace workspace = fixtures.workspace();
        Live live = Live.of(workspace, Api.at(port).withKey(workspace.liveKey()));
        Map<String, Walk> walks = classification(workspace, live);
        // (every reader exists before the first look: a new live key is itself a change of live state; a look takes
        // more reads than one key's burst of 20 a second, so each look shares them between two keys)
        List<Api> firstReaders = List.of(liveReader(workspace), liveReader(workspace));
        List<Api> secondReaders = List.of(liveReader(workspace), liveReader(workspace));
        Map<String, JsonNode> before = snapshot(firstReaders, workspace, live);

        // when a test key holding every scope calls every write endpoint
        List<String> unclassified = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String endpoint : writeEndpoints()) {
            Walk walk = endpoint.contains(" /console/") ? CONSOLE : walks.get(endpoint);
            if (walk == null) {
                unclassified.add(endpoint);
                continue;
            }
            if (walk.rule() == Rule.NOT_BY_API_KEY) {
                continue;
            }
            Api testKey = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.TEST, everyScope()));
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            Api.Response response = walk.body() instanceof byte[] bytes
                    ? testKey.send(method, walk.path(), "text/plain", bytes)
                    : testKey.send(method, walk.path(), walk.body());
            if (!answersAsTheRuleSays(walk.rule(), response)) {
                wrong.add(walk.rule() + " " + response);
            }
        }

        // then every endpoint is classified, answered by its rule, and live state is as it was
        assertThat(unclassified)
                .as("write endpoints no rule covers; add each to TestKeyWriteTests.classification")
                .isEmpty();
        assertThat(wrong)
                .as("endpoints that did not answer a test key by their rule")
                .isEmpty();
        Map<String, JsonNode> after = snapshot(secondReaders, workspace, live);
        for (String path : before.keySet()) {
            assertThat(after.get(path)).as("live " + path).isEqualTo(before.get(path));
        }
    }

    @Test
    void refusesATestKeyThatWouldChangeTheLiveModelOrVoiceSettings() {
        // given a live model and live voice settings
        TestWorkspace workspace = fixtures.workspace();
        Api live = Api.at(port).withKey(workspace.liveKey());
        assertThat(live.send("PUT", "/v1/assistant/model", Map.of("provider", "none"))
                        .status())
                .isEqualTo(200);
        assertThat(live.send("PUT", "/v1/voice/settings", Map.of("audio_format", "pcm16"))
                        .status())
                .isEqualTo(200);
        Api test = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.TEST));

        // when
        Api.Response model = test.send(
                "PUT",
                "/v1/assistant/model",
                Map.of("provider", "openai_compatible", "base_url", "http://127.0.0.2:9/v1", "model", "m"));
        Api.Response removed = test.delete("/v1/assistant/model");
        Api.Response voice = test.send("PUT", "/v1/voice/settings", Map.of("audio_format", "mp3"));

        // then
        for (Api.Response refused : List.of(model, removed, voice)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("insufficient_permissions");
            assertThat(refused.json().at("/error/message").asString()).isEqualTo("A test key cannot act on live data.");
        }
        assertThat(live.get("/v1/assistant/model").json().path("provider").asString())
                .isEqualTo("none");
        assertThat(live.get("/v1/assistant/model").json().path("updated_at").isNull())
                .isFalse();
        assertThat(live.get("/v1/voice/settings").json().path("audio_format").asString())
                .isEqualTo("pcm16");
    }

    private static boolean answersAsTheRuleSays(Rule rule, Api.Response response) {
        return switch (rule) {
            case WORKSPACE_CONFIGURATION ->
                response.status() == 403
                        && response.errorCode().equals("insufficient_permissions")
                        && response.json().at("/error/details/mode").asString().equals("live");
            case CREATES_IN_MODE, READS -> response.status() >= 200 && response.status() < 300;
            case ACTS_ON_RECORD_IN_MODE -> response.status() == 404;
            case NOT_BY_API_KEY -> true;
        };
    }

    /** Every mapped write, as {@code METHOD pattern}; a mapping without methods counts as every write. */
    private TreeSet<String> writeEndpoints() {
        TreeSet<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            var methods = info.getMethodsCondition().getMethods();
            for (RequestMethod method :
                    List.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE)) {
                if (methods.isEmpty() || methods.contains(method)) {
                    info.getPatternValues().forEach(pattern -> endpoints.add(method + " " + pattern));
                }
            }
        }
        return endpoints;
    }

    /** The live records whose ids the walk aims at. */
    record Live(
            String conversation,
            String contact,
            String article,
            String training,
            String intent,
            String webhook,
            String key,
            String agent,
            String trigger,
            String session,
            String savedReply) {

        static Live of(TestWorkspace workspace, Api live) {
            String conversation = created(live.post(
                            "/v1/conversations",
                            Map.of("initial_message", "Where is my parcel?", "customer_email", "walker@example.com")))
                    .path("conversation_id")
                    .asString();
            String contact = ok(live.get("/v1/contacts")).at("/data/0/id").asString();
            String article = created(live.post(
                            "/v1/knowledge-base", Map.of("title", "Live returns", "content", "Returns take 30 days.")))
                    .path("article_id")
                    .asString();
            String training = created(live.post(
                            "/v1/training",
                            Map.of("type", "faq", "title", "Live FAQ", "content", "We ship in two days.")))
                    .path("id")
                    .asString();
            created(live.post("/v1/intents", Map.of("name", "gift_wrap", "examples", List.of("wrap it", "gift box"))));
            String webhook = created(live.post(
                            "/v1/webhooks",
                            Map.of("url", "http://127.0.0.2:9/live", "events", List.of("feedback.submitted"))))
                    .path("id")
                    .asString();
            String key = created(live.post("/v1/api-keys", Map.of("name", "Live second")))
                    .path("id")
                    .asString();
            String agent = created(live.post(
                            "/v1/agents",
                            Map.of(
                                    "name",
                                    "Live agent",
                                    "email",
                                    "live-" + workspace.id() + "@example.com",
                                    "password",
                                    "long enough 1")))
                    .path("id")
                    .asString();
            String trigger = created(live.post(
                            "/v1/automation/triggers",
                            Map.of("name", "Live", "condition", "page_load", "message", "Hi", "url_pattern", "*")))
                    .path("id")
                    .asString();
            String session = created(live.post("/v1/sessions", Map.of("user_id", "live-caller")))
                    .path("session_id")
                    .asString();
            String savedReply = created(live.post(
                            "/v1/saved-replies", Map.of("shortcut", "live-thanks", "content", "Thanks for waiting!")))
                    .path("id")
                    .asString();
            ok(live.send("PUT", "/v1/assistant/model", Map.of("provider", "none")));
            ok(live.send("PUT", "/v1/voice/settings", Map.of("audio_format", "pcm16")));
            ok(live.send("PUT", "/v1/store/connection", Map.of("platform", "demo")));
            return new Live(
                    conversation,
                    contact,
                    article,
                    training,
                    "gift_wrap",
                    webhook,
                    key,
                    agent,
                    trigger,
                    session,
                    savedReply);
        }
    }

    private static JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json();
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Each write endpoint, what a test key may do there, and a request that would change live state if allowed. */
    private static Map<String, Walk> classification(TestWorkspace workspace, Live live) {
        Map<String, Walk> w = new LinkedHashMap<>();
        String conv = "/v1/conversations/" + live.conversation();
        String hook = "/v1/webhooks/" + live.webhook();
        Map<String, Object> noBody = Map.of();

        // workspace configuration: one copy per workspace, served to live customers
        config(w, "POST /v1/stores", "/v1/stores", Map.of("name", "Made by a test key"));
        config(
                w,
                "PATCH /v1/stores/{store_id}",
                "/v1/stores/" + workspace.id(),
                Map.of("name", "Renamed by a test key"));
        config(
                w,
                "PUT /v1/assistant/model",
                "/v1/assistant/model",
                Map.of("provider", "openai_compatible", "base_url", "http://127.0.0.2:9/v1", "model", "m"));
        config(w, "DELETE /v1/assistant/model", "/v1/assistant/model", null);
        config(w, "PUT /v1/voice/settings", "/v1/voice/settings", Map.of("audio_format", "mp3"));
        config(w, "PATCH /v1/widget/config", "/v1/widget/config", Map.of("greeting", "Changed by a test key"));
        config(
                w,
                "POST /v1/automation/triggers",
                "/v1/automation/triggers",
                Map.of("name", "Test", "condition", "page_load", "message", "Hi", "url_pattern", "*"));
        config(
                w,
                "PATCH /v1/automation/triggers/{trigger_id}",
                "/v1/automation/triggers/" + live.trigger(),
                Map.of("message", "Changed"));
        config(w, "DELETE /v1/automation/triggers/{trigger_id}", "/v1/automation/triggers/" + live.trigger(), null);
        config(
                w,
                "POST /v1/saved-replies",
                "/v1/saved-replies",
                Map.of("shortcut", "test", "content", "By a test key"));
        config(
                w,
                "PATCH /v1/saved-replies/{saved_reply_id}",
                "/v1/saved-replies/" + live.savedReply(),
                Map.of("content", "Changed by a test key"));
        config(w, "DELETE /v1/saved-replies/{saved_reply_id}", "/v1/saved-replies/" + live.savedReply(), null);
        config(w, "PUT /v1/store/connection", "/v1/store/connection", Map.of("platform", "demo"));
        config(w, "DELETE /v1/store/connection", "/v1/store/connection", null);
        config(
                w,
                "PUT /v1/helpdesk/connection",
                "/v1/helpdesk/connection",
                Map.of(
                        "platform",
                        "gorgias",
                        "base_url",
                        "http://127.0.0.2:9",
                        "credentials",
                        Map.of("username", "u", "api_key", "k", "webhook_secret", "s".repeat(32))));
        config(w, "DELETE /v1/helpdesk/connection", "/v1/helpdesk/connection", null);
        config(
                w,
                "POST /v1/agents",
                "/v1/agents",
                Map.of(
                        "name",
                        "By test",
                        "email",
                        "test-" + workspace.id() + "@example.com",
                        "password",
                        "long enough 1"));
        config(w, "PATCH /v1/agents/{agent_id}", "/v1/agents/" + live.agent(), Map.of("name", "Renamed"));
        config(w, "DELETE /v1/agents/{agent_id}", "/v1/agents/" + live.agent(), null);

        // mode-scoped data: a test key creates test records and cannot reach live ones
        create(w, "POST /v1/api-keys", "/v1/api-keys", Map.of("name", "Test made"));
        create(w, "POST /v1/auth/generate-key", "/v1/auth/generate-key", Map.of("name", "Test made"));
        record(w, "DELETE /v1/api-keys/{key_id}", "/v1/api-keys/" + live.key(), null);
        create(w, "POST /v1/webhooks", "/v1/webhooks", Map.of("url", "http://127.0.0.2:9/t", "events", List.of("*")));
        String one = "/v1/webhooks/{webhook_id:wh_[A-Za-z0-9]+}";
        record(w, "PATCH " + one, hook, Map.of("active", false));
        record(w, "DELETE " + one, hook, null);
        record(w, "POST " + one + "/rotate-secret", hook + "/rotate-secret", noBody);
        record(w, "POST " + one + "/test", hook + "/test", noBody);
        record(
                w,
                "POST " + one + "/deliveries/{delivery_id}/redeliver",
                hook + "/deliveries/whd_none/redeliver",
                noBody);
        create(w, "POST /v1/intents", "/v1/intents", Map.of("name", "test_only", "examples", List.of("a", "b")));
        record(w, "PATCH /v1/intents/{name}", "/v1/intents/" + live.intent(), Map.of("examples", List.of("x")));
        record(w, "DELETE /v1/intents/{name}", "/v1/intents/" + live.intent(), null);
        create(w, "POST /v1/test/tool-execution", "/v1/test/tool-execution", Map.of("tool", "search_products"));
        create(w, "POST /v1/knowledge-base", "/v1/knowledge-base", Map.of("title", "Test", "content", "Test text."));
        record(
                w,
                "PATCH /v1/knowledge-base/{article_id}",
                "/v1/knowledge-base/" + live.article(),
                Map.of("content", "Changed by a test key."));
        record(
                w,
                "PUT /v1/knowledge-base/{article_id}",
                "/v1/knowledge-base/" + live.article(),
                Map.of("title", "Replaced", "content", "Replaced by a test key."));
        record(w, "DELETE /v1/knowledge-base/{article_id}", "/v1/knowledge-base/" + live.article(), null);
        create(w, "POST /v1/training", "/v1/training", Map.of("type", "faq", "title", "T", "content", "Test only."));
        create(
                w,
                "POST /v1/training/batch",
                "/v1/training/batch",
                Map.of("items", List.of(Map.of("type", "faq", "title", "T", "content", "Test only."))));
        record(w, "PATCH /v1/training/{id}", "/v1/training/" + live.training(), Map.of("content", "Changed."));
        record(w, "DELETE /v1/training/{id}", "/v1/training/" + live.training(), null);
        create(
                w,
                "POST /v1/knowledge-base/documents",
                "/v1/knowledge-base/documents?filename=test.txt",
                "A test document.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        record(
                w,
                "DELETE /v1/knowledge-base/documents/{document_id}",
                "/v1/knowledge-base/documents/" + live.article(),
                null);
        create(w, "POST /v1/scrape", "/v1/scrape", Map.of("url", "http://127.0.0.2:9/"));
        record(w, "DELETE /v1/scrape/{job_id}", "/v1/scrape/job_none", null);
        create(w, "POST /v1/conversations", "/v1/conversations", Map.of("initial_message", "hello"));
        record(w, "POST /v1/conversations/{conversation_id}/messages", conv + "/messages", Map.of("content", "hi"));
        record(w, "PATCH /v1/conversations/{conversation_id}", conv, Map.of("tags", List.of("test")));
        record(w, "POST /v1/conversations/{conversation_id}/handback", conv + "/handback", noBody);
        record(w, "POST /v1/conversations/{conversation_id}/escalate", conv + "/escalate", Map.of("reason", "x"));
        record(w, "POST /v1/conversations/{conversation_id}/resolve", conv + "/resolve", noBody);
        record(w, "POST /v1/conversations/{conversation_id}/replies", conv + "/replies", Map.of("content", "hi"));
        record(w, "POST /v1/conversations/{conversation_id}/notes", conv + "/notes", Map.of("content", "note"));
        record(w, "POST /v1/conversations/{conversation_id}/feedback", conv + "/feedback", Map.of("rating", 1));
        record(
                w,
                "POST /v1/chats/{chat_id}/messages",
                "/v1/chats/" + live.conversation() + "/messages",
                Map.of("text", "hi"));
        record(w, "PATCH /v1/chats/{chat_id}", "/v1/chats/" + live.conversation(), Map.of("status", "closed"));
        create(w, "POST /v1/chat", "/v1/chat", Map.of("message", "hello"));
        record(w, "PATCH /v1/contacts/{contact_id}", "/v1/contacts/" + live.contact(), Map.of("name", "Renamed"));
        create(w, "POST /v1/sessions", "/v1/sessions", noBody);
        record(w, "DELETE /v1/sessions/{session_id}", "/v1/sessions/" + live.session(), null);
        create(
                w,
                "POST /v1/files/upload-url",
                "/v1/files/upload-url",
                Map.of("filename", "a.txt", "content_type", "text/plain", "size_bytes", 5));
        record(
                w,
                "POST /v1/files/confirm",
                "/v1/files/confirm",
                Map.of("file_id", "file_none", "chat_id", live.conversation()));
        record(w, "POST /v1/gdpr/export", "/v1/gdpr/export", Map.of("email", "walker@example.com"));
        record(w, "DELETE /v1/gdpr/delete", "/v1/gdpr/delete", Map.of("email", "walker@example.com"));
        create(
                w,
                "POST /v1/analytics/events",
                "/v1/analytics/events",
                Map.of("session_id", "s1", "event_type", "page_view", "data", Map.of()));
        create(
                w,
                "POST /api/analytics/events",
                "/api/analytics/events",
                Map.of("session_id", "s1", "event_type", "page_view", "data", Map.of()));
        w.put("POST /v1/auth/logout", new Walk(Rule.NOT_BY_API_KEY, "ends the console token's own session", null));

        // reads sent as POST
        w.put(
                "POST /v1/knowledge-base/search",
                new Walk(Rule.READS, "/v1/knowledge-base/search", Map.of("query", "returns")));
        w.put("POST /v1/products/search", new Walk(Rule.READS, "/v1/products/search", Map.of("query", "shirt")));

        // not authenticated by an API key
        for (String endpoint : List.of(
                "POST /v1/auth/login",
                "PUT /v1/files/uploads/{file_id}",
                "POST /v1/webhooks/gorgias",
                "POST /v1/webhooks/shopify/orders",
                "POST /v1/webhooks/woocommerce/orders")) {
            w.put(endpoint, new Walk(Rule.NOT_BY_API_KEY, "a signature or a password, no key", null));
        }
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            w.put(method + " /error", new Walk(Rule.NOT_BY_API_KEY, "renders errors", null));
        }
        return w;
    }

    private static void config(Map<String, Walk> w, String endpoint, String path, Object body) {
        w.put(endpoint, new Walk(Rule.WORKSPACE_CONFIGURATION, path, body));
    }

    private static void create(Map<String, Walk> w, String endpoint, String path, Object body) {
        w.put(endpoint, new Walk(Rule.CREATES_IN_MODE, path, body));
    }

    private static void record(Map<String, Walk> w, String endpoint, String path, Object body) {
        w.put(endpoint, new Walk(Rule.ACTS_ON_RECORD_IN_MODE, path, body));
    }

    /** What live callers see: configuration and records, read with a live key. */
    private Api liveReader(TestWorkspace workspace) {
        return Api.at(port).withKey(fixtures.key(workspace.id(), Mode.LIVE));
    }

    private static Map<String, JsonNode> snapshot(List<Api> readers, TestWorkspace workspace, Live records) {
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        for (String path : List.of(
                "/v1/stores/" + workspace.id(),
                "/v1/assistant/model",
                "/v1/voice/settings",
                "/v1/saved-replies",
                "/v1/widget/config",
                "/v1/automation/triggers",
                "/v1/store/connection",
                "/v1/helpdesk/connection",
                "/v1/agents?include_inactive=true",
                "/v1/api-keys?include_revoked=true&per_page=100",
                "/v1/webhooks",
                "/v1/intents",
                "/v1/knowledge-base",
                "/v1/training",
                "/v1/knowledge-base/documents",
                "/v1/conversations",
                "/v1/contacts",
                "/v1/gdpr/erasures",
                "/v1/conversations/" + records.conversation(),
                "/v1/conversations/" + records.conversation() + "/messages",
                "/v1/knowledge-base/" + records.article(),
                "/v1/training/" + records.training(),
                "/v1/agents/" + records.agent())) {
            Api.Response response = readers.get(seen.size() % readers.size()).get(path);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            seen.put(path, path.startsWith("/v1/api-keys") ? liveOnly(response.json()) : response.json());
        }
        return seen;
    }

    /** The live keys of a key list (a live key also lists test keys, which a test key may make). */
    private static JsonNode liveOnly(JsonNode keys) {
        ArrayNode live = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        keys.path("data")
                .valueStream()
                .filter(k -> k.path("mode").asString().equals("live"))
                .forEach(live::add);
        return live;
    }

    private static Scope[] everyScope() {
        EnumSet<Scope> all = EnumSet.allOf(Scope.class);
        all.remove(Scope.WIDGET);
        return all.toArray(Scope[]::new);
    }
}
