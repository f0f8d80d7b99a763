package dev.parley.assistant.internal.dialogues;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.assistant.internal.dialogues.Dialogue.Channel;
import dev.parley.assistant.internal.dialogues.Transcript.Action;
import dev.parley.assistant.internal.dialogues.Transcript.Exchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays dialogues against a running Parley through its public API, as a store and its shoppers would. Each dialogue
 * gets a workspace of its own with the demo store, a copy of the admin workspace's help centre and the evaluation's
 * store settings, so no dialogue sees what another refunded, cancelled or was given.
 */
public final class DialoguePlayer {

    /** The widget's origin: the domain every evaluation workspace allows. */
    static final String SHOP_DOMAIN = "shop.example";

    static final String VISITOR_TOKEN_HEADER = "X-Parley-Visitor-Token";

    /**
     * The demo store's policy for every dialogue unless it says otherwise: the assistant may refund up to 50.00 an
     * order itself (docs/demo-store.md's "a refund the assistant makes itself"), and people are at work all day, so
     * no verdict depends on the hour the evaluation runs at.
     */
    static final Map<String, Object> DEFAULT_SETTINGS = Map.of(
            "auto_refund_enabled",
            true,
            "auto_refund_limit",
            new BigDecimal("50.00"),
            "working_hours",
            Map.of(
                    "timezone",
                    "UTC",
                    "start",
                    "00:00",
                    "end",
                    "23:59",
                    "days",
                    List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun")));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final String adminKey;
    private final Model model;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private List<Article> helpCentre;

    private final List<Map<String, Double>> timings = new ArrayList<>();

    /**
     * @param adminKey a platform admin's live key (the installation's bootstrap key): it creates the workspaces, and
     *     its own workspace's articles are the help centre every dialogue gets
     * @param model the {@code /v1/assistant/model} settings for every workspace, or {@code null} for the offline
     *     engine
     */
    public DialoguePlayer(URI base, String adminKey, Model model) {
        this.base = base;
        this.adminKey = adminKey;
        this.model = model;
    }

    public Transcript play(Dialogue dialogue) {
        Map<String, Object> settings = new LinkedHashMap<>(DEFAULT_SETTINGS);
        settings.putAll(dialogue.settings());
        boolean refundsEnabled = Boolean.TRUE.equals(settings.get("auto_refund_enabled"));
        BigDecimal refundLimit =
                new BigDecimal(settings.get("auto_refund_limit").toString());
        List<Exchange> exchanges = new ArrayList<>();
        Map<String, List<String>> protectedDetails = new LinkedHashMap<>();
        try {
            String key = workspace(dialogue, settings);
            // the store's own key reads what a visitor is not shown (the conversation's status, the turn's timings)
            String storeKey = key;
            for (String order : dialogue.protectedOrders()) {
                protectedDetails.put(order, privateDetails(key, order));
            }
            Map<String, String> headers = new LinkedHashMap<>();
            if (dialogue.identity().channel() == Channel.WIDGET) {
                key = call("POST", "/v1/api-keys", key, Map.of("type", "publishable", "scopes", List.of()), Map.of())
                        .required("key")
                        .asString();
                headers.put("Origin", "https://" + SHOP_DOMAIN);
            }
            String conversation = null;
            for (Dialogue.Turn turn : dialogue.turns()) {
                Reply reply;
                if (conversation == null) {
                    NewConversation body = new NewConversation(
                            dialogue.identity().channel() == Channel.WIDGET ? "widget" : "api",
                            dialogue.identity().customerEmail(),
                            turn.message());
                    reply = call("POST", "/v1/conversations", key, body, headers);
                    conversation = reply.body().path("conversation_id").asString();
                    String visitorToken = reply.body().path("visitor_token").asString("");
                    if (!visitorToken.isEmpty()) {
                        headers.put(VISITOR_TOKEN_HEADER, visitorToken);
                    }
                } else {
                    reply = call(
                            "POST",
                            "/v1/conversations/" + conversation + "/messages",
                            key,
                            Map.of("content", turn.message()),
                            headers);
                }
                if (reply.status() == 200) {
                    exchanges.add(exchange(turn.message(), reply, heldByPeople(storeKey, conversation)));
                } else {
                    exchanges.add(exchange(turn.message(), reply, false));
                    return new Transcript(
                            dialogue,
                            exchanges,
                            refundsEnabled,
                            refundLimit,
                            protectedDetails,
                            "HTTP " + reply.status() + " on turn " + exchanges.size() + ": " + reply.body());
                }
            }
            return new Transcript(dialogue, exchanges, refundsEnabled, refundLimit, protectedDetails, null);
        } catch (IOException | RuntimeException e) {
            return new Transcript(dialogue, exchanges, refundsEnabled, refundLimit, protectedDetails, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Transcript(dialogue, exchanges, refundsEnabled, refundLimit, protectedDetails, "interrupted");
        }
    }

    /** A new workspace on the demo store with the help centre and settings; its live secret key. */
    private String workspace(Dialogue dialogue, Map<String, Object> settings) throws IOException, InterruptedException {
        Reply created = call(
                "POST",
                "/v1/stores",
                adminKey,
                Map.of(
                        "name",
                        "Dialogue " + dialogue.id(),
                        "domains",
                        List.of(SHOP_DOMAIN),
                        "platform",
                        "demo",
                        "plan",
                        "enterprise",
                        "settings",
                        settings),
                Map.of());
        String key = created.required("api_key").required("key").asString();
        call("PUT", "/v1/store/connection", key, Map.of("platform", "demo"), Map.of())
                .requireOk();
        for (Article article : helpCentre()) {
            call("POST", "/v1/knowledge-base", key, article, Map.of()).requireOk();
        }
        if (model != null) {
            call("PUT", "/v1/assistant/model", key, model, Map.of()).requireOk();
        }
        return key;
    }

    /** {@code POST /v1/conversations}'s body: a conversation opened with the dialogue's first message. */
    record NewConversation(
            String channel,

            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("customer_email")
            String customerEmail,

            @JsonProperty("initial_message") String initialMessage) {}

    /** A help-centre article, as {@code POST /v1/knowledge-base} takes it. */
    record Article(
            String title,
            String content,
            @JsonInclude(JsonInclude.Include.NON_NULL) String category) {}

    /** The admin workspace's articles, read once. */
    private synchronized List<Article> helpCentre() throws IOException, InterruptedException {
        if (helpCentre == null) {
            List<Article> articles = new ArrayList<>();
            for (JsonNode a : call("GET", "/v1/knowledge-base?per_page=100", adminKey, null, Map.of())
                    .required("data")) {
                articles.add(new Article(
                        a.path("title").asString(),
                        a.path("content").asString(),
                        a.hasNonNull("category") ? a.path("category").asString() : null));
            }
            helpCentre = List.copyOf(articles);
        }
        return helpCentre;
    }

    /** What only the order's customer may read: its tracking numbers, their name, street and items. */
    private List<String> privateDetails(String key, String orderNumber) throws IOException, InterruptedException {
        JsonNode order = call("GET", "/v1/orders/" + orderNumber, key, null, Map.of())
                .requireOk()
                .body();
        List<String> details = new ArrayList<>();
        addText(details, order.path("customer_name"));
        addText(details, order.at("/shipping_address/address1"));
        for (JsonNode item : order.path("line_items")) {
            addText(details, item.path("title"));
        }
        for (JsonNode f : order.path("fulfillments")) {
            addText(details, f.path("tracking_number"));
        }
        return details;
    }

    private static void addText(List<String> into, JsonNode node) {
        String text = node.asString("");
        if (text.length() >= 4) {
            into.add(text);
        }
    }

    /**
     * Whether people hold the conversation now (escalated or assigned): the answer to a later message does not say,
     * so the conversation is read again after each turn.
     */
    private boolean heldByPeople(String storeKey, String conversation) throws IOException, InterruptedException {
        JsonNode read = call("GET", "/v1/conversations/" + conversation, storeKey, null, Map.of())
                .requireOk()
                .body();
        recordTimings(read.path("messages"));
        String status = read.required("status").asString();
        return status.equals("escalated") || status.equals("assigned");
    }

    /** The last assistant message's stage timings (the turn just played), as the server measured them. */
    private void recordTimings(JsonNode messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if (message.path("role").asString("").equals("assistant")) {
                JsonNode stages = message.path("analysis").path("timings");
                if (stages.isObject() && !stages.isEmpty()) {
                    Map<String, Double> turn = new LinkedHashMap<>();
                    stages.properties()
                            .forEach(stage ->
                                    turn.put(stage.getKey(), stage.getValue().asDouble()));
                    timings.add(turn);
                }
                return;
            }
        }
    }

    /** Milliseconds per stage of every assistant turn played so far (understand, track, decide, act, ..., total). */
    public List<Map<String, Double>> timings() {
        return List.copyOf(timings);
    }

    /**
     * One conversation in a workspace of its own before the dialogues, so the first dialogue does not pay for what
     * the server loads on its first turn (models, indexes) and time out on a slow machine.
     */
    public void warmUp() {
        Dialogue hello = new Dialogue(
                "warm-up",
                Dialogue.Kind.ORDINARY,
                new Dialogue.Identity(Channel.API, null),
                Map.of(),
                List.of(),
                false,
                "",
                List.of(new Dialogue.Turn("Hello, do you ship to Canada?", List.of(), 0)),
                List.of(),
                0);
        play(hello);
        // the warm-up pays for loading models and indexes: it is no turn of the dialogues
        timings.clear();
    }

    private static Exchange exchange(String customer, Reply reply, boolean heldByPeople) {
        JsonNode body = reply.body();
        List<Action> actions = new ArrayList<>();
        for (JsonNode a : body.path("actions_taken")) {
            actions.add(new Action(
                    a.path("type").asString(""),
                    a.path("tool").asString(""),
                    a.path("status").asString(""),
                    a.path("details")));
        }
        String text = body.at("/response/content").asString("");
        boolean escalated = heldByPeople || body.path("escalated").asBoolean(false);
        return new Exchange(customer, reply.status(), text, actions, escalated);
    }

    record Reply(int status, JsonNode body) {

        Reply requireOk() {
            if (status / 100 != 2) {
                throw new IllegalStateException("HTTP " + status + ": " + body);
            }
            return this;
        }

        JsonNode required(String field) {
            requireOk();
            JsonNode value = body.path(field);
            if (value.isMissingNode() || value.isNull()) {
                throw new IllegalStateException("no '" + field + "' in " + body);
            }
            return value;
        }
    }

    /**
     * One API call; one refused for now (429, or 503 with {@code Retry-After}: a busy node stored nothing) waits as
     * {@code Retry-After} says and goes again, as a client of the API should.
     */
    private Reply call(String method, String path, String key, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(300))
                    .header("Authorization", "Bearer " + key)
                    .header("Accept", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean refusedForNow = response.statusCode() == 429
                    || (response.statusCode() == 503
                            && response.headers().firstValue("Retry-After").isPresent());
            if (refusedForNow && attempt < 30) {
                long seconds = response.headers()
                        .firstValue("Retry-After")
                        .map(Long::parseLong)
                        .orElse(1L);
                Thread.sleep(Duration.ofSeconds(Math.clamp(seconds, 1, 5)));
                continue;
            }
            JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), json);
        }
    }

    /**
     * The {@code /v1/assistant/model} settings a dialogue's workspace gets.
     *
     * @param baseUrl absent for the provider's own address
     * @param apiKey absent for a model that needs none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Model(
            String provider,
            @JsonProperty("base_url") String baseUrl,
            String model,
            @JsonProperty("api_key") String apiKey) {}
}
