package dev.parley.sdk.live;

import static dev.parley.sdk.live.LiveServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sdk.ApiException;
import dev.parley.sdk.AuthenticationException;
import dev.parley.sdk.ConflictException;
import dev.parley.sdk.InvalidRequestException;
import dev.parley.sdk.NotFoundException;
import dev.parley.sdk.Parley;
import dev.parley.sdk.PermissionDeniedException;
import dev.parley.sdk.model.Agent;
import dev.parley.sdk.model.AnalyticsReport;
import dev.parley.sdk.model.ApiKey;
import dev.parley.sdk.model.ChatThread;
import dev.parley.sdk.model.Contact;
import dev.parley.sdk.model.ConversationCreated;
import dev.parley.sdk.model.FileInfo;
import dev.parley.sdk.model.GdprErasure;
import dev.parley.sdk.model.GdprExport;
import dev.parley.sdk.model.Intelligence;
import dev.parley.sdk.model.IntelligenceParams;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Order;
import dev.parley.sdk.model.Params;
import dev.parley.sdk.model.ProductSearchResult;
import dev.parley.sdk.model.Session;
import dev.parley.sdk.model.Store;
import dev.parley.sdk.model.ToolExecution;
import dev.parley.sdk.model.UploadUrl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Analytics, orders, products, tools, sessions, files, GDPR, stores and settings, keys, agents, chats, contacts and
 * console sign-in, against the real server.
 */
class WorkspaceLiveTest {
    private static LiveServer server;
    private static LiveServer.Workspace workspace;
    private static Parley client;

    @BeforeAll
    static void workspace() {
        server = LiveServer.get();
        workspace = server.newWorkspace();
        client = workspace.client;
    }

    @Test
    void analyticsEveryReportEventsAndSessionMetrics() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        // From yesterday, so a conversation made just before midnight (UTC) still counts after it.
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        Intelligence intelligence = client.analytics()
                .getIntelligence(new IntelligenceParams().metric("all").days(7));
        assertNotNull(intelligence.timeRange().getString("start"));
        assertNotNull(intelligence.summary().getLong("total_insights"));
        client.conversations()
                .create(Params.of("customerEmail", "analytics@example.com", "initialMessage", "Where is my order?"));
        AnalyticsReport report = eventually("the conversation in the report", () -> {
            AnalyticsReport r = client.analytics()
                    .report(Params.of("startDate", yesterday, "endDate", today, "granularity", "day"));
            return r.summary().getLong("total_conversations") >= 1 ? r : null;
        });
        assertEquals(2, report.timeSeries().size());
        assertTrue(client.analytics().overview(null).has("metrics"));
        assertNotNull(client.analytics().agents(null).getList("data"));
        eventually(
                "the conversation on the dashboard",
                () -> client.analytics()
                                .dashboard(Params.of("period", "week"))
                                .getObject("metrics")
                                .getLong("total_conversations")
                        >= 1);
        Session session = client.createSession(Params.of("userId", "shopper_1"));
        JsonObject event = client.analytics()
                .trackEvent(Params.of(
                        "sessionId", session.sessionId(),
                        "eventType", "product_viewed",
                        "data", Map.of("productId", "p1")));
        assertFalse(event.getString("event_id").isEmpty());
        assertTrue(client.analytics().session(session.sessionId()).has("metrics"));
        assertNotNull(client.analytics().metrics(null).getList("operations"));
        assertTrue(client.analytics().prometheusMetrics().contains("# "), "Prometheus text");
    }

    @Test
    void ordersProductsAndToolExecution() {
        List<Order> orders =
                client.orders().list(Params.of("perPage", 3)).firstPage().data();
        assertEquals(3, orders.size());
        assertEquals(
                orders.get(0).orderNumber(),
                client.orders().get(orders.get(0).orderNumber()).orderNumber());
        assertThrows(NotFoundException.class, () -> client.orders().get("no-such-order"));

        ProductSearchResult products = client.products()
                .search(Params.of(
                        "query",
                        "running shoes",
                        "limit",
                        5,
                        "filters",
                        Map.of("priceRange", Map.of("min", 1, "max", 1000))));
        assertFalse(products.products().isEmpty());
        assertTrue(products.products().size() <= 5);
        assertTrue(products.products().get(0).price().getString("amount").matches("\\d+\\.\\d{2}"));
        assertThrows(
                InvalidRequestException.class,
                () -> client.products()
                        .search(Params.of(
                                "query", "shoes", "filters", Map.of("priceRange", Map.of("min", 50, "max", 10)))));

        ToolExecution run =
                client.tools().execute(Params.of("tool", "search_products", "parameters", Map.of("query", "socks")));
        assertEquals("search_products", run.tool());
        assertEquals("executed", run.status());
        assertThrows(InvalidRequestException.class, () -> client.tools().execute(Params.of("tool", "launch_rocket")));
    }

    @Test
    void sessionsCreateSessionGetEnd() {
        Session session = client.createSession(Params.of("userId", "u_42", "metadata", Map.of("source", "sdk")));
        assertTrue(session.token().startsWith("st_"), session.token());
        Session details = client.sessions().get(session.sessionId());
        assertEquals("active", details.status());
        assertEquals(session.conversationId(), details.conversationId());
        JsonObject ended = client.sessions().end(session.sessionId());
        assertNotNull(ended.getLong("duration_seconds"));
        assertEquals("ended", client.sessions().get(session.sessionId()).status());
        assertThrows(ConflictException.class, () -> client.sessions().end(session.sessionId()));
    }

    @Test
    void filesUploadUrlUploadConfirmDownload() {
        ConversationCreated conv = client.conversations()
                .create(Params.of("customerEmail", "files@example.com", "initialMessage", "Here is my receipt"));
        byte[] text = "order 1001, paid 42.00\n".getBytes(StandardCharsets.UTF_8);
        UploadUrl slot = client.files().createUploadUrl("receipt.txt", "text/plain", text.length);
        assertFalse(slot.fileId().isEmpty());
        client.files().upload(slot.uploadUrl(), text, "text/plain");
        FileInfo confirmed = client.files().confirm(Params.of("fileId", slot.fileId(), "conversationId", conv.id()));
        assertEquals("receipt.txt", confirmed.filename());
        assertEquals(text.length, confirmed.sizeBytes());
        FileInfo fresh = client.files().get(slot.fileId());
        assertEquals(
                new String(text, StandardCharsets.UTF_8),
                new String(client.files().download(fresh.url()), StandardCharsets.UTF_8));
        FileInfo again = client.files()
                .uploadFile(conv.id(), "note.txt", "text/plain", "second".getBytes(StandardCharsets.UTF_8));
        assertEquals(6L, again.sizeBytes());
    }

    @Test
    void gdprExportStatusDownloadDeleteErasures() {
        Parley ws = server.newWorkspace().client;
        ws.conversations()
                .create(Params.of("customerEmail", "gdpr@example.com", "initialMessage", "Hello, I have a question"));
        GdprExport started = ws.gdpr().export(Params.of("email", "gdpr@example.com", "includeConversations", true));
        assertTrue(started.requestId().startsWith("export_"), started.requestId());
        GdprExport done = eventually("the export", Duration.ofSeconds(120), () -> {
            GdprExport s = ws.gdpr().exportStatus(started.requestId());
            return "completed".equals(s.status()) ? s : null;
        });
        byte[] zip = ws.gdpr().download(done.downloadUrl());
        assertEquals("PK", new String(zip, 0, 2, StandardCharsets.US_ASCII));
        GdprErasure erased = ws.gdpr().delete(Params.of("email", "gdpr@example.com", "reason", "user_request"));
        assertEquals("erased", erased.status());
        GdprErasure repeat = ws.gdpr().delete(Params.of("email", "gdpr@example.com"));
        assertEquals("already_erased", repeat.status());
        assertEquals(erased.erasureId(), repeat.erasureId());
        assertTrue(ws.gdpr().erasures(null).stream().anyMatch(e -> e.erasureId().equals(erased.erasureId())));
        assertThrows(NotFoundException.class, () -> ws.gdpr().delete(Params.of("email", "nobody@example.com")));
    }

    @Test
    void storesAndSettings() {
        Store mine = client.stores().get(workspace.storeId);
        assertEquals(workspace.storeId, mine.id());
        JsonObject changed =
                client.stores().update(workspace.storeId, Params.of("settings", Params.of("returnWindowDays", 45)));
        assertEquals(45, changed.getObject("settings").getInt("return_window_days"));
        assertEquals(
                List.of(workspace.storeId),
                client.stores().list(null).stream().map(Store::id).collect(Collectors.toList()),
                "a workspace key sees its own store only");
        List<Store> all = server.admin.stores().list(Params.of("perPage", 1)).toList();
        assertTrue(all.size() >= 2 && all.stream().anyMatch(s -> s.id().equals(workspace.storeId)));

        assertEquals("demo", client.settings().storeConnection().getString("platform"));
        assertTrue(client.settings().voice().has("available"));
        JsonObject widget =
                client.settings().updateWidget(Params.of("color", "#112233", "welcomeMessage", "Hi from the SDK"));
        assertEquals("#112233", widget.getString("color"));
        assertEquals("Hi from the SDK", client.settings().widget().getString("welcome_message"));
        JsonObject trigger = client.settings()
                .createTrigger(
                        Params.of("name", "Exit", "condition", "exit_intent", "message", "Wait!", "active", true));
        String triggerId = trigger.getString("id");
        assertTrue(triggerId.startsWith("trigger_"), triggerId);
        assertFalse(client.settings()
                .updateTrigger(triggerId, Params.of("active", false))
                .is("active"));
        assertTrue(client.settings().triggers(null).stream().anyMatch(t -> triggerId.equals(t.getString("id"))));
        client.settings().deleteTrigger(triggerId);
        assertFalse(client.settings().triggers(null).stream().anyMatch(t -> triggerId.equals(t.getString("id"))));
        String engine = client.settings()
                .voice()
                .getObject("available")
                .getStrings("text_to_speech")
                .get(0);
        JsonObject voice = client.settings().updateVoice(Params.of("textToSpeech", engine, "audioFormat", "mp3"));
        assertEquals(engine, voice.getString("text_to_speech"));
        assertEquals("mp3", voice.getString("audio_format"));
        assertThrows(
                InvalidRequestException.class,
                () -> client.settings().updateVoice(Params.of("textToSpeech", "no_such_engine")));
        JsonObject connection =
                client.settings().updateStoreConnection(Params.of("platform", "demo", "maxDiscountPercent", 15));
        assertEquals(15, connection.getInt("max_discount_percent"));
        try {
            assertFalse(client.settings().helpdeskConnection().is("connected"));
        } catch (NotFoundException none) {
            assertEquals("not_found", none.code());
        }
    }

    @Test
    void keysCreateListGetRevoke() {
        ApiKey key = client.keys().create(Params.of("name", "read only", "scopes", List.of("conversations:read")));
        assertTrue(key.key().matches("sk_live_[A-Za-z0-9]{32}"), key.key());
        Parley readOnly = server.client(key.key());
        assertNotNull(readOnly.conversations().list().firstPage().data());
        PermissionDeniedException denied = assertThrows(
                PermissionDeniedException.class,
                () -> readOnly.conversations()
                        .create(Params.of("initialMessage", "hi", "customerEmail", "x@example.com")));
        assertEquals("insufficient_permissions", denied.code());
        assertTrue(client.keys().list(null).stream().anyMatch(k -> k.id().equals(key.id())));
        assertTrue(client.keys()
                .get(key.id())
                .maskedKey()
                .endsWith(key.key().substring(key.key().length() - 4)));
        assertTrue(client.keys().revoke(key.id()).revoked());
        AuthenticationException after = assertThrows(
                AuthenticationException.class,
                () -> readOnly.conversations().list().firstPage());
        assertEquals("revoked", after.details().getString("reason"));
    }

    @Test
    void agentsChatsContactsAndConsoleSignIn() {
        String email = "agent-" + System.nanoTime() + "@example.com";
        Agent agent = client.agents()
                .create(Params.of(
                        "name", "Dana",
                        "email", email,
                        "role", "agent",
                        "status", "online",
                        "password", "correct horse battery"));
        assertEquals(email, client.agents().get(agent.id()).email());
        assertEquals(
                7, client.agents().update(agent.id(), Params.of("capacity", 7)).capacity());
        assertTrue(client.agents().list(null).stream().anyMatch(a -> a.id().equals(agent.id())));
        assertEquals(agent.id(), client.agents().stats(agent.id(), null).getString("agent_id"));
        assertEquals(agent.id(), client.analytics().agentStats(agent.id(), null).getString("agent_id"));

        ConversationCreated conv = client.conversations()
                .create(Params.of(
                        "customerEmail",
                        "chat@example.com",
                        "customerName",
                        "Chen",
                        "initialMessage",
                        "I need a person"));
        assertTrue(client.chats().list(Params.of("limit", 100)).stream().anyMatch(c -> c.id().equals(conv.id())));
        ChatThread chat = client.chats().get(conv.id());
        assertEquals("chat@example.com", chat.visitor().getString("email"));
        assertEquals(
                agent.id(),
                client.chats()
                        .update(conv.id(), Params.of("assignedTo", agent.id()))
                        .assignedTo());
        assertEquals(
                "Dana here, how can I help?",
                client.chats()
                        .sendMessage(conv.id(), "Dana here, how can I help?")
                        .text());

        List<Contact> contacts =
                client.contacts().list(Params.of("email", "chat@example.com")).toList();
        assertEquals(1, contacts.size());
        Contact contact = client.contacts().update(contacts.get(0).id(), Params.of("name", "Chen Li"));
        assertEquals("Chen Li", contact.name());
        assertTrue(
                client.contacts().conversations(contact.id(), null).stream().anyMatch(c -> c.id().equals(conv.id())));

        JsonObject login = client.auth().login(email, "correct horse battery");
        String token = login.getString("token");
        assertTrue(token.startsWith("ct_"), token);
        Parley asAgent = server.client(token);
        assertEquals(conv.id(), asAgent.conversations().get(conv.id()).id());
        asAgent.auth().logout();
        assertThrows(
                AuthenticationException.class, () -> asAgent.conversations().get(conv.id()));
        assertFalse(client.agents().deactivate(agent.id()).active());
    }

    @Test
    void healthAndTheRawRequestEscapeHatch() {
        JsonObject health = client.health();
        assertTrue(List.of("healthy", "degraded").contains(health.getString("status")), health.toJson());
        assertTrue(health.getObject("checks").has("database"));
        ApiException wrongMethod = assertThrows(
                ApiException.class,
                () -> client.http().request(dev.parley.sdk.core.ApiRequest.of("DELETE", "/v1/orders")));
        assertTrue(wrongMethod.status() >= 400 && wrongMethod.status() < 500, String.valueOf(wrongMethod.status()));
    }
}
