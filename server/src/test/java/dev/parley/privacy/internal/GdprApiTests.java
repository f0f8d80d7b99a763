package dev.parley.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.parley.platform.Ids;
import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.Concurrently;
import dev.parley.support.TestClock;
import dev.parley.support.TestDatabase;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Seed 000's GDPR endpoints: erasure proven by every API and by the database itself, export as a durable job behind
 * a signed link, the retention period, and the audit of erasures.
 */
@ApiTest
@Tag("database")
class GdprApiTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Exports exports;

    @Autowired
    Retention retention;

    @Autowired
    ExportRecords records;

    @Autowired
    dev.parley.conversation.Customers customers;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    final TestClock clock = TestClock.shared();
    TestWorkspace workspace;
    Api api;
    String tag;
    String email;
    String name;
    String phrase;
    String userId;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
        tag = Ids.random(10).toLowerCase(Locale.ROOT);
        email = "erase-" + tag + "@example.com";
        name = "Zed Q" + tag;
        phrase = "parcel" + tag;
        userId = "shopuser-" + tag;
    }

    @AfterEach
    void resumeClock() {
        clock.resume();
    }

    @Test
    void erasesEverythingAboutTheCustomerSoThatNoApiFindsThemAgain() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            // given a customer known by email, name, the store's user id, messages, a note, feedback, a session, a
            // file,
            // an idempotent request, webhook deliveries and a finished export; and another customer who stays
            String webhook = api.post(
                            "/v1/webhooks",
                            Map.of(
                                    "url",
                                    "http://127.0.0.2:" + receiver.getAddress().getPort() + "/hook",
                                    "events",
                                    List.of("*")))
                    .json()
                    .path("id")
                    .asString();
            String conversation = api.post(
                            "/v1/conversations",
                            Map.of(
                                    "customer_email",
                                    email,
                                    "customer_name",
                                    name,
                                    "initial_message",
                                    "Where is my " + phrase + " please?",
                                    "context",
                                    Map.of("user_id", userId)))
                    .json()
                    .path("conversation_id")
                    .asString();
            assertThat(api.post(
                                    "/v1/conversations/" + conversation + "/messages",
                                    Map.of("content", "The " + phrase + " never came"))
                            .status())
                    .isLessThan(300);
            assertThat(api.post(
                                    "/v1/conversations/" + conversation + "/notes",
                                    Map.of("content", name + " is upset about " + phrase))
                            .status())
                    .isEqualTo(201);
            assertThat(api.post(
                                    "/v1/conversations/" + conversation + "/feedback",
                                    Map.of("rating", 2, "comment", "slow " + phrase))
                            .status())
                    .isEqualTo(201);
            JsonNode session = api.post("/v1/sessions", Map.of("user_id", userId, "metadata", Map.of("email", email)))
                    .json();
            String sessionConversation = session.path("conversation_id").asString();
            api.post("/v1/conversations/" + sessionConversation + "/messages", Map.of("content", "voice " + phrase));
            Api.Response idempotent = api.withHeader("Idempotency-Key", "key-" + tag)
                    .post("/v1/conversations", Map.of("customer_email", email, "initial_message", "another " + phrase));
            assertThat(idempotent.status()).as(idempotent.toString()).isLessThan(300);
            String fileLink = attachFile(conversation);
            String keeper = "keep-" + tag + "@example.com";
            String kept = api.post(
                            "/v1/conversations", Map.of("customer_email", keeper, "initial_message", "keep me safe"))
                    .json()
                    .path("conversation_id")
                    .asString();
            JsonNode export = finishedExport(Map.of("email", email, "include_analytics", true));
            String archiveLink = export.path("download_url").asString();
            assertThat(get(archiveLink).statusCode()).isEqualTo(200);
            eventually(() -> received.stream().anyMatch(b -> b.contains(phrase)));
            // The checks outnumber one key's burst of 20 requests a second: they use keys of their own.
            Api earlier = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.LIVE));
            long conversationsBefore = totalConversations(earlier);
            long analyticsBefore = analyticsConversations(earlier);
            assertThat(analyticsBefore).isGreaterThanOrEqualTo(3);
            assertThat(earlier.get("/api/dashboard/overview?period=week").text())
                    .contains(phrase);
            assertThat(earlier.get("/v1/chats/" + conversation).text()).contains(email);
            Api checks = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.LIVE));
            Api later = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.LIVE));
            // when
            Api.Response erased = checks.send(
                    "DELETE",
                    "/v1/gdpr/delete",
                    Map.of("email", email.toUpperCase(Locale.ROOT), "reason", "user_request"));

            // then
            assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
            JsonNode result = erased.json();
            assertThat(result.path("erasure_id").asString()).startsWith("era_");
            assertThat(result.path("status").asString()).isEqualTo("erased");
            assertThat(result.at("/erased/conversation.contacts").asLong()).isEqualTo(1);
            assertThat(result.at("/erased/conversation.conversations").asLong()).isEqualTo(3);
            assertThat(result.at("/erased/files.files").asLong()).isEqualTo(1);
            assertThat(result.at("/erased/privacy.exports").asLong()).isEqualTo(1);
            assertThat(result.at("/erased/platform.idempotency_records").asLong())
                    .isEqualTo(1);
            assertThat(result.at("/erased/webhook.deliveries_scrubbed").asLong())
                    .isPositive();
            assertClean(erased.text());

            assertThat(checks.get("/v1/conversations?customer_email=" + email)
                            .json()
                            .path("data")
                            .size())
                    .isZero();
            assertClean(checks.get("/v1/conversations/" + conversation).text());
            assertClean(checks.get("/v1/conversations/" + sessionConversation).text());
            assertClean(checks.get("/v1/conversations?per_page=100").text());
            assertThat(checks.get("/v1/contacts?email=" + email)
                            .json()
                            .path("data")
                            .size())
                    .isZero();
            assertClean(checks.get("/v1/contacts?per_page=100").text());
            assertClean(checks.get("/v1/chats?limit=100").text());
            assertClean(checks.get("/v1/chats/" + conversation).text());
            assertClean(checks.get("/v1/sessions/" + session.path("session_id").asString())
                    .text());
            assertClean(checks.get("/api/dashboard/overview?period=week").text());
            assertClean(checks.get("/v1/analytics/intelligence?metric=all").text());
            // customers' words were never in the knowledge index, and are not now (the response echoes the query)
            assertClean(checks.post("/v1/knowledge-base/search", Map.of("query", phrase))
                    .json()
                    .path("results")
                    .toString());
            assertThat(totalConversations(checks)).isEqualTo(conversationsBefore);
            // analytics keep counting the erased conversations, anonymous
            assertThat(analyticsConversations(checks)).isEqualTo(analyticsBefore);
            assertThat(later.post("/v1/gdpr/export", Map.of("email", email)).status())
                    .isEqualTo(404);
            assertThat(get(archiveLink).statusCode()).isEqualTo(404);
            assertThat(later.get("/v1/gdpr/export/" + export.path("request_id").asString())
                            .status())
                    .isEqualTo(404);
            assertThat(get(fileLink).statusCode()).isEqualTo(404);
            // nor do the analytics reports and the session's analytics
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
            assertClean(later.get("/v1/analytics?start_date=" + today.minusDays(1) + "&end_date=" + today.plusDays(1))
                    .text());
            assertClean(later.get("/v1/analytics/sessions/"
                            + session.path("session_id").asString())
                    .text());
            JsonNode audit = later.get("/v1/gdpr/erasures").json();
            assertThat(audit.at("/data/0/erasure_id").asString())
                    .isEqualTo(result.path("erasure_id").asString());
            assertThat(audit.at("/data/0/trigger").asString()).isEqualTo("request");
            assertClean(audit.toString());

            // a redelivery sends the scrubbed payload
            JsonNode deliveries = later.get("/v1/webhooks/" + webhook + "/deliveries?per_page=100")
                    .json();
            String messageDelivery = deliveries
                    .path("data")
                    .valueStream()
                    .filter(d -> d.path("event_type").asString().equals("message.received"))
                    .findFirst()
                    .orElseThrow()
                    .path("id")
                    .asString();
            int before = received.size();
            assertThat(later.post("/v1/webhooks/" + webhook + "/deliveries/" + messageDelivery + "/redeliver", Map.of())
                            .status())
                    .isEqualTo(202);
            eventually(() -> received.size() > before);
            received.subList(before, received.size()).forEach(GdprApiTests.this::assertClean);

            // nothing in any table of the database names the customer or quotes them
            assertDatabaseClean();
            // the other customer is untouched
            assertThat(later.get("/v1/contacts?email=" + keeper)
                            .json()
                            .path("data")
                            .size())
                    .isEqualTo(1);
            assertThat(later.get("/v1/conversations/" + kept).text()).contains("keep me safe");

            // asking again changes nothing and names the first erasure
            Api.Response again = later.send("DELETE", "/v1/gdpr/delete", Map.of("email", email));
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().path("status").asString()).isEqualTo("already_erased");
            assertThat(again.json().path("erasure_id").asString())
                    .isEqualTo(result.path("erasure_id").asString());
            assertThat(later.get("/v1/gdpr/erasures")
                            .json()
                            .at("/pagination/total_count")
                            .asLong())
                    .isEqualTo(1);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void erasesACustomerKnownOnlyByTheStoresUserId() {
        String conversation = api.post(
                        "/v1/chat", Map.of("message", "my " + phrase + " is late", "context", Map.of("userId", userId)))
                .json()
                .path("conversation_id")
                .asString();
        assertThat(api.get("/v1/conversations/" + conversation).text()).contains(phrase);

        Api.Response erased = api.send("DELETE", "/v1/gdpr/delete", Map.of("userId", userId));

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().at("/erased/conversation.conversations").asLong())
                .isEqualTo(1);
        assertClean(api.get("/v1/conversations/" + conversation).text());
        // asking again by the same user id is recognised (by its keyed hash) and changes nothing
        Api.Response again = api.send("DELETE", "/v1/gdpr/delete", Map.of("user_id", userId));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("status").asString()).isEqualTo("already_erased");
        assertThat(again.json().path("erasure_id").asString())
                .isEqualTo(erased.json().path("erasure_id").asString());
    }

    @Test
    void refusesAnUnknownCustomerAndChangesNothing() {
        String kept = api.post(
                        "/v1/conversations", Map.of("customer_email", email, "initial_message", "about " + phrase))
                .json()
                .path("conversation_id")
                .asString();

        Api.Response unknown = api.send("DELETE", "/v1/gdpr/delete", Map.of("email", "nobody-" + tag + "@example.com"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("not_found");
        assertThat(api.send("DELETE", "/v1/gdpr/delete", Map.of("user_id", "cust_missing"))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/v1/conversations/" + kept).text()).contains(phrase).contains(email);
        assertThat(api.get("/v1/gdpr/erasures")
                        .json()
                        .at("/pagination/total_count")
                        .asLong())
                .isZero();
    }

    @Test
    void keepsErasuresAndExportsInsideTheirWorkspace() {
        api.post("/v1/conversations", Map.of("customer_email", email, "initial_message", "about " + phrase));
        String exportId = api.post("/v1/gdpr/export", Map.of("email", email))
                .json()
                .path("request_id")
                .asString();
        Api other = Api.at(port).withKey(fixtures.workspace().liveKey());
        Api test = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.TEST));

        assertThat(other.send("DELETE", "/v1/gdpr/delete", Map.of("email", email))
                        .status())
                .isEqualTo(404);
        assertThat(test.send("DELETE", "/v1/gdpr/delete", Map.of("email", email))
                        .status())
                .isEqualTo(404);
        assertThat(other.post("/v1/gdpr/export", Map.of("email", email)).status())
                .isEqualTo(404);
        assertThat(other.get("/v1/gdpr/export/" + exportId).status()).isEqualTo(404);
        assertThat(api.get("/v1/contacts?email=" + email).json().path("data").size())
                .isEqualTo(1);
    }

    @Test
    void refusesAReasonOutsideItsFormatAndSaysWhichFormat() {
        api.post("/v1/chat", Map.of("message", "my " + phrase + " is late", "context", Map.of("userId", userId)));
        for (String reason : List.of("Because!", "user request", "x".repeat(65))) {
            Api.Response refused = api.send("DELETE", "/v1/gdpr/delete", Map.of("user_id", userId, "reason", reason));

            assertThat(refused.status()).as(reason).isEqualTo(400);
            assertThat(refused.json().at("/error/details/field").asString()).isEqualTo("reason");
            assertThat(refused.json().at("/error/details/expected").asString()).isEqualTo("[a-z0-9_]{1,64}");
        }
        Api.Response inQuery = api.delete("/v1/gdpr/delete?user_id=" + userId + "&reason=NO");
        assertThat(inQuery.json().at("/error/details/expected").asString()).isEqualTo("[a-z0-9_]{1,64}");
        // the refusals erased nothing: the first acceptable reason does
        Api.Response erased =
                api.send("DELETE", "/v1/gdpr/delete", Map.of("user_id", userId, "reason", "x".repeat(64)));
        assertThat(erased.json().path("status").asString())
                .as(erased.toString())
                .isEqualTo("erased");
    }

    @Test
    void refusesBadRequests() {
        assertThat(api.send("DELETE", "/v1/gdpr/delete", Map.of()).errorCode()).isEqualTo("missing_field");
        assertThat(api.send("DELETE", "/v1/gdpr/delete", (Object) null).errorCode())
                .isEqualTo("missing_field");
        assertThat(api.send("DELETE", "/v1/gdpr/delete", Map.of("email", "not-an-email"))
                        .status())
                .isEqualTo(400);
        assertThat(api.send("DELETE", "/v1/gdpr/delete", Map.of("email", email, "reason", "Because!"))
                        .status())
                .isEqualTo(400);
        assertThat(api.send("DELETE", "/v1/gdpr/delete", "{not json").status()).isEqualTo(400);
        assertThat(api.send("DELETE", "/v1/gdpr/delete", Map.of("email", email, "confirm", 1))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/v1/gdpr/export", Map.of()).errorCode()).isEqualTo("missing_field");
        assertThat(api.post("/v1/gdpr/export", Map.of("email", email, "include_analytics", "maybe"))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/v1/gdpr/export/export_missing").status()).isEqualTo(404);
        Api readOnly = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.LIVE, Scope.CONVERSATIONS_READ));
        assertThat(readOnly.send("DELETE", "/v1/gdpr/delete", Map.of("email", email))
                        .status())
                .isEqualTo(403);
        assertThat(readOnly.post("/v1/gdpr/export", Map.of("email", email)).status())
                .isEqualTo(403);
        assertThat(Api.at(port)
                        .send("DELETE", "/v1/gdpr/delete", Map.of("email", email))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void exportsTheCustomersDataAsAnArchiveBehindASignedLink() throws Exception {
        String conversation = api.post(
                        "/v1/conversations",
                        Map.of(
                                "customer_email",
                                email,
                                "customer_name",
                                name,
                                "initial_message",
                                "Where is my " + phrase))
                .json()
                .path("conversation_id")
                .asString();
        attachFile(conversation);

        Api.Response first = api.post(
                "/api/gdpr/export", Map.of("email", email, "includeConversations", true, "includeAnalytics", true));
        Api.Response second = api.post(
                "/v1/gdpr/export", Map.of("email", email, "include_conversations", true, "include_analytics", true));

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        // seed 000's path answers in its camelCase, the canonical one in snake_case
        assertThat(first.json().path("requestId").asString()).startsWith("export_");
        assertThat(first.json().path("status").asString()).isEqualTo("processing");
        assertThat(first.json().path("downloadUrl").isNull()).isTrue();
        assertThat(first.json().path("expiresAt").asString()).isNotBlank();
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("request_id").asString())
                .isEqualTo(first.json().path("requestId").asString());

        JsonNode done = awaitExport(first.json().path("requestId").asString());
        assertThat(done.path("progress").asInt()).isEqualTo(100);
        String link = done.path("download_url").asString();
        HttpResponse<byte[]> archive =
                HTTP.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(archive.statusCode()).isEqualTo(200);
        assertThat(archive.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, String> entries = unzip(archive.body());
        assertThat(entries)
                .containsKeys("export.json", "customer.json", "conversations.json", "analytics.json", "files.json");
        assertThat(entries.get("customer.json")).contains(email).contains(name);
        assertThat(entries.get("conversations.json")).contains(phrase);
        assertThat(entries.get("analytics.json")).contains(conversation);
        assertThat(entries.keySet()).anyMatch(n -> n.startsWith("files/file_") && n.endsWith("photo.png"));

        assertThat(get(link.replace("signature=", "signature=Z")).statusCode()).isEqualTo(403);
        assertThat(get(link.replace("export_", "export_x")).statusCode()).isEqualTo(403);
        Api.Response without = api.post("/v1/gdpr/export", Map.of("email", email, "include_conversations", false));
        assertThat(without.status()).isEqualTo(202);
        Map<String, String> slim = unzip(HTTP.send(
                        HttpRequest.newBuilder(URI.create(awaitExport(without.json()
                                                .path("request_id")
                                                .asString())
                                        .path("download_url")
                                        .asString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .body());
        assertThat(slim).containsKey("customer.json").doesNotContainKeys("conversations.json", "analytics.json");
        assertThat(api.post("/v1/gdpr/export", Map.of("email", "nobody-" + tag + "@example.com"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void startsOneExportWhenTheSameRequestArrivesSeveralTimesAtOnce() throws Exception {
        api.post("/v1/conversations", Map.of("customer_email", email, "initial_message", "about " + phrase));

        List<Api.Response> responses = Concurrently.run(
                6, i -> api.post("/v1/gdpr/export", Map.of("email", email, "include_analytics", true)));

        // one export at a time: a request that arrives while one is being made gets that one (200); only a request
        // that comes after it was made (on a loaded machine the six may not overlap) starts another (202)
        assertThat(responses)
                .as(responses.toString())
                .extracting(Api.Response::status)
                .containsOnly(200, 202)
                .contains(202);
        List<Map<String, Object>> exports = jdbc.sql(
                        "SELECT id, created_at, completed_at FROM privacy_exports WHERE workspace_id = ? ORDER BY created_at, id")
                .param(workspace.id())
                .query()
                .listOfRows();
        List<String> started = responses.stream()
                .filter(r -> r.status() == 202)
                .map(r -> r.json().path("request_id").asString())
                .toList();
        assertThat(started).as(responses.toString()).hasSameSizeAs(exports).doesNotHaveDuplicates();
        assertThat(exports).extracting(row -> (String) row.get("id")).containsExactlyInAnyOrderElementsOf(started);
        assertThat(responses)
                .extracting(r -> r.json().path("request_id").asString())
                .allMatch(started::contains);
        for (String id : started) {
            awaitExport(id);
        }
        List<Map<String, Object>> made = jdbc.sql(
                        "SELECT created_at, completed_at FROM privacy_exports WHERE workspace_id = ? ORDER BY created_at, id")
                .param(workspace.id())
                .query()
                .listOfRows();
        for (int i = 1; i < made.size(); i++) {
            assertThat(instant(made.get(i).get("created_at")))
                    .as("an export started while another was being made: %s", made)
                    .isAfterOrEqualTo(instant(made.get(i - 1).get("completed_at")));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM jobs WHERE workspace_id = ? AND type = ?")
                        .params(workspace.id(), Exports.JOB_TYPE)
                        .query(Long.class)
                        .single())
                .isEqualTo(exports.size());

        // once it is made, the customer may ask again and gets a new one
        Api.Response later = api.post("/v1/gdpr/export", Map.of("email", email, "include_analytics", true));
        assertThat(later.status()).as(later.toString()).isEqualTo(202);
        assertThat(later.json().path("request_id").asString()).isNotIn(started);
    }

    private static Instant instant(Object timestamp) {
        return switch (timestamp) {
            case java.sql.Timestamp t -> t.toInstant();
            case java.time.OffsetDateTime t -> t.toInstant();
            case Instant t -> t;
            default -> throw new AssertionError("not a timestamp: " + timestamp);
        };
    }

    @Test
    void answersWithTheExportThatWonTheRaceToStart() throws Exception {
        // given the customer's export, inserted by another request whose transaction has not committed yet
        api.post("/v1/conversations", Map.of("customer_email", email, "initial_message", "about " + phrase));
        String contactId = customers
                .find(workspace.id(), Mode.LIVE, email, null)
                .orElseThrow()
                .contactId();
        Instant now = clock.instant();
        ExportRecords.Export rival = new ExportRecords.Export(
                Ids.next("export"),
                workspace.id(),
                Mode.LIVE,
                contactId,
                email,
                null,
                true,
                false,
                ExportStatus.PROCESSING,
                null,
                0,
                null,
                null,
                null,
                now,
                null,
                now.plus(Duration.ofDays(7)));
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> other = threads.submit(() -> transactions.executeWithoutResult(tx -> {
                records.insert(
                        rival,
                        ExportRequests.runningKey(workspace.id(), Mode.LIVE, contactId, email, null, true, false),
                        "key_rival");
                inserted.countDown();
                try {
                    commit.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            inserted.await();

            // when the same export is asked for before that commit: it cannot see the rival's row, so it tries to
            // insert its own and waits on the rival's key (or, were nothing to stop it, answers at once)
            Future<Api.Response> request = threads.submit(() -> api.post("/v1/gdpr/export", Map.of("email", email)));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!request.isDone() && insertingSessions() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            commit.countDown();
            other.get();

            // then it answers with the rival's export, and no second export or job exists
            Api.Response response = request.get();
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("request_id").asString()).isEqualTo(rival.id());
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM privacy_exports WHERE workspace_id = ?")
                        .param(workspace.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM jobs WHERE workspace_id = ? AND type = ?")
                        .params(workspace.id(), Exports.JOB_TYPE)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** Database sessions in the middle of inserting an export (the pattern is split so this query does not match). */
    private long insertingSessions() {
        String sql = TestDatabase.postgres()
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'"
                        + " AND query LIKE CONCAT('%INSERT INTO ', 'privacy_exports%')"
                : "SELECT COUNT(*) FROM information_schema.sessions"
                        + " WHERE executing_statement LIKE CONCAT('%INSERT INTO ', 'privacy_exports%')";
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void deletesArchivesWhenTheyExpire() throws Exception {
        clock.freeze();
        api.post("/v1/conversations", Map.of("customer_email", email, "initial_message", "about " + phrase));
        JsonNode done = finishedExport(Map.of("email", email));
        String link = done.path("download_url").asString();
        assertThat(Instant.parse(done.path("expires_at").asString()))
                .isAfter(clock.instant().plus(Duration.ofDays(6)));

        clock.advance(Duration.ofDays(8));
        exports.expire();

        JsonNode expired =
                api.get("/v1/gdpr/export/" + done.path("request_id").asString()).json();
        assertThat(expired.path("status").asString()).isEqualTo("expired");
        assertThat(expired.path("download_url").isNull()).isTrue();
        HttpResponse<String> old = get(link);
        assertThat(old.statusCode()).isEqualTo(403);
        assertThat(old.body()).contains("link_expired");
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM privacy_exports WHERE id = ? AND subject_email IS NULL AND archive_key IS NULL")
                        .param(done.path("request_id").asString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void erasesConversationsPastTheRetentionPeriodAndKeepsTheirCounts() {
        clock.set(Instant.parse("2026-05-01T10:00:00Z"));
        assertThat(api.patch("/v1/stores/" + workspace.id(), Map.of("settings", Map.of("retention_days", 0)))
                        .status())
                .isEqualTo(400);
        assertThat(api.patch("/v1/stores/" + workspace.id(), Map.of("settings", Map.of("retention_days", 30)))
                        .json()
                        .at("/settings/retention_days")
                        .asInt())
                .isEqualTo(30);
        String old = api.post("/v1/conversations", Map.of("customer_email", email, "initial_message", "old " + phrase))
                .json()
                .path("conversation_id")
                .asString();
        clock.advance(Duration.ofDays(20));
        String recent = api.post(
                        "/v1/conversations",
                        Map.of(
                                "customer_email",
                                "recent-" + tag + "@example.com",
                                "initial_message",
                                "recent question " + tag))
                .json()
                .path("conversation_id")
                .asString();
        clock.advance(Duration.ofDays(15));
        long before = analyticsTotal();

        retention.sweep(workspace.id());

        assertClean(api.get("/v1/conversations/" + old).text());
        assertThat(api.get("/v1/conversations/" + old).status()).isEqualTo(200);
        assertThat(api.get("/v1/contacts?email=" + email).json().path("data").size())
                .isZero();
        assertThat(api.get("/v1/conversations/" + recent).text()).contains("recent question " + tag);
        assertThat(analyticsTotal()).isEqualTo(before).isEqualTo(2);
        assertThat(api.get("/v1/analytics?start_date=2026-04-01&end_date=2026-06-30")
                        .text())
                .doesNotContain(phrase);
        JsonNode audit = api.get("/v1/gdpr/erasures").json();
        assertThat(audit.at("/data/0/trigger").asString()).isEqualTo("retention");
        assertThat(audit.at("/data/0/erased/conversation.conversations").asLong())
                .isEqualTo(1);

        // without a retention period, nothing more goes
        Map<String, Object> forever = new HashMap<>();
        forever.put("retention_days", null);
        assertThat(api.patch("/v1/stores/" + workspace.id(), Map.of("settings", forever))
                        .json()
                        .at("/settings/retention_days")
                        .isNull())
                .isTrue();
        clock.advance(Duration.ofDays(60));
        retention.sweep(workspace.id());
        assertThat(api.get("/v1/conversations/" + recent).text()).contains("recent question " + tag);
    }

    /** The conversations the dashboard counts over a year, so that no week boundary can move them. */
    private static long analyticsConversations(Api api) {
        return api.get("/v1/dashboard/overview?period=year")
                .json()
                .at("/metrics/total_conversations")
                .asLong();
    }

    private long analyticsTotal() {
        return api.get("/v1/analytics?start_date=2026-04-01&end_date=2026-06-30")
                .json()
                .at("/summary/total_conversations")
                .asLong();
    }

    /** The workspace's conversations: erasure keeps them as anonymous shells. */
    private static long totalConversations(Api api) {
        return api.get("/v1/conversations?per_page=1")
                .json()
                .at("/pagination/total")
                .asLong();
    }

    private void assertClean(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        assertThat(lower)
                .doesNotContain(email)
                .doesNotContain(name.toLowerCase(Locale.ROOT))
                .doesNotContain(phrase)
                .doesNotContain(userId);
    }

    /** Every text column of every table, read back: the customer appears nowhere. */
    private void assertDatabaseClean() {
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                         WHERE LOWER(table_schema) = 'public' AND table_type IN ('BASE TABLE', 'TABLE')""").query(String.class).list();
        assertThat(tables).contains("messages", "contacts", "webhook_deliveries", "analytics_events");
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            jdbc.sql("SELECT * FROM " + table).query(rs -> {
                var meta = rs.getMetaData();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    Object value = rs.getObject(c);
                    if (value instanceof String text) {
                        String lower = text.toLowerCase(Locale.ROOT);
                        for (String needle : List.of(email, name.toLowerCase(Locale.ROOT), phrase, userId)) {
                            if (lower.contains(needle)) {
                                found.add(table + "." + meta.getColumnName(c) + ": " + text);
                            }
                        }
                    }
                }
            });
        }
        assertThat(found).isEmpty();
    }

    private String attachFile(String conversation) throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 4, 1);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        JsonNode url = api.post(
                        "/v1/files/upload-url",
                        Map.of("filename", "photo.png", "content_type", "image/png", "size_bytes", png.size()))
                .json();
        HttpResponse<String> put = HTTP.send(
                HttpRequest.newBuilder(URI.create(url.path("upload_url").asString()))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        return api.post(
                        "/v1/files/confirm",
                        Map.of("file_id", url.path("file_id").asString(), "chat_id", conversation))
                .json()
                .path("url")
                .asString();
    }

    JsonNode finishedExport(Map<String, Object> request) throws Exception {
        Api.Response requested = api.post("/v1/gdpr/export", request);
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        return awaitExport(requested.json().path("request_id").asString());
    }

    private JsonNode awaitExport(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = api.get("/v1/gdpr/export/" + id).json();
            if (!status.path("status").asString().equals("processing")) {
                assertThat(status.path("status").asString())
                        .as(status.toString())
                        .isEqualTo("completed");
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The export " + id + " did not finish");
    }

    private static void eventually(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met in time");
            }
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return entries;
    }
}
