package dev.parley.sdk;

import dev.parley.sdk.core.ApiRequest;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.live.Live;
import dev.parley.sdk.model.Answer;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Params;
import dev.parley.sdk.model.SearchResponse;
import dev.parley.sdk.model.Session;
import dev.parley.sdk.resources.Agents;
import dev.parley.sdk.resources.Analytics;
import dev.parley.sdk.resources.AssistantModel;
import dev.parley.sdk.resources.Auth;
import dev.parley.sdk.resources.Chat;
import dev.parley.sdk.resources.Chats;
import dev.parley.sdk.resources.Contacts;
import dev.parley.sdk.resources.Conversations;
import dev.parley.sdk.resources.Documents;
import dev.parley.sdk.resources.Files;
import dev.parley.sdk.resources.Gdpr;
import dev.parley.sdk.resources.Intents;
import dev.parley.sdk.resources.Keys;
import dev.parley.sdk.resources.KnowledgeBase;
import dev.parley.sdk.resources.Orders;
import dev.parley.sdk.resources.Products;
import dev.parley.sdk.resources.Scraping;
import dev.parley.sdk.resources.Sessions;
import dev.parley.sdk.resources.Settings;
import dev.parley.sdk.resources.Stores;
import dev.parley.sdk.resources.Tools;
import dev.parley.sdk.resources.Training;
import dev.parley.sdk.resources.Webhooks;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Parley API client. Thread-safe: make one and share it.
 *
 * <pre>{@code
 * Parley parley = Parley.builder().apiKey(System.getenv("PARLEY_API_KEY")).baseUrl("https://support.example.com").build();
 * ConversationCreated conv = parley.conversations().create(new ConversationCreateParams()
 *         .customerEmail("ana@example.com").initialMessage("Where is my order?"));
 * System.out.println(conv.response().content());
 * }</pre>
 */
public final class Parley {
    private final HttpCore http;
    private final Conversations conversations;
    private final Chat chat;
    private final Chats chats;
    private final Contacts contacts;
    private final KnowledgeBase knowledgeBase;
    private final Training training;
    private final Scraping scraping;
    private final Intents intents;
    private final AssistantModel assistantModel;
    private final Analytics analytics;
    private final Webhooks webhooks;
    private final Orders orders;
    private final Products products;
    private final Tools tools;
    private final Sessions sessions;
    private final Files files;
    private final Gdpr gdpr;
    private final Stores stores;
    private final Settings settings;
    private final Keys keys;
    private final Agents agents;
    private final Auth auth;
    private final Live live;

    private Parley(HttpCore http) {
        this.http = http;
        this.conversations = new Conversations(http);
        this.chat = new Chat(http);
        this.chats = new Chats(http);
        this.contacts = new Contacts(http);
        this.knowledgeBase = new KnowledgeBase(http);
        this.training = new Training(http);
        this.scraping = new Scraping(http);
        this.intents = new Intents(http);
        this.assistantModel = new AssistantModel(http);
        this.analytics = new Analytics(http);
        this.webhooks = new Webhooks(http);
        this.orders = new Orders(http);
        this.products = new Products(http);
        this.tools = new Tools(http);
        this.sessions = new Sessions(http);
        this.files = new Files(http);
        this.gdpr = new Gdpr(http);
        this.stores = new Stores(http);
        this.settings = new Settings(http);
        this.keys = new Keys(http);
        this.agents = new Agents(http);
        this.auth = new Auth(http);
        this.live = new Live(http);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The HTTP core (base URL, key, retries); {@code http().request(ApiRequest.get(...))} reaches any endpoint. */
    public HttpCore http() {
        return http;
    }

    public Conversations conversations() {
        return conversations;
    }

    /** Seed 000's one-call chat. */
    public Chat chat() {
        return chat;
    }

    /** Seed 003's agent inbox. */
    public Chats chats() {
        return chats;
    }

    public Contacts contacts() {
        return contacts;
    }

    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    /** The knowledge base's imported documents (same as {@code knowledgeBase().documents()}). */
    public Documents documents() {
        return knowledgeBase.documents();
    }

    public Training training() {
        return training;
    }

    public Scraping scraping() {
        return scraping;
    }

    public Intents intents() {
        return intents;
    }

    public AssistantModel assistantModel() {
        return assistantModel;
    }

    public Analytics analytics() {
        return analytics;
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    public Orders orders() {
        return orders;
    }

    public Products products() {
        return products;
    }

    public Tools tools() {
        return tools;
    }

    public Sessions sessions() {
        return sessions;
    }

    public Files files() {
        return files;
    }

    public Gdpr gdpr() {
        return gdpr;
    }

    public Stores stores() {
        return stores;
    }

    public Settings settings() {
        return settings;
    }

    public Keys keys() {
        return keys;
    }

    public Agents agents() {
        return agents;
    }

    public Auth auth() {
        return auth;
    }

    /** The customer's live socket ({@code /v1/ws}): {@code live().connect(...)}. */
    public Live live() {
        return live;
    }

    /**
     * Seed 002's one call: sends {@code message} (a new conversation, or {@code conversationId}'s) and returns the
     * assistant's {@code answer()} with its {@code confidence()} and {@code sources()}.
     */
    public Answer sendMessage(Params params, RequestOptions... options) {
        ApiRequest request = ApiRequest.post("/v1/conversations").body(params);
        if (options.length > 0) {
            request.options(options[0]);
        }
        return new Answer(http.request(request).asMap());
    }

    /** Seed 004's session: {@code sessionId()}, {@code conversationId()}, {@code token()} ({@code st_...}). */
    public Session createSession(Params params, RequestOptions... options) {
        return sessions.create(params, options);
    }

    /** A session without a user id or metadata. */
    public Session createSession() {
        return sessions.create(new Params());
    }

    /** What the assistant sees for a query ({@code /v1/knowledge-base/search}). */
    public SearchResponse search(Params params, RequestOptions... options) {
        return knowledgeBase.search(params, options);
    }

    /** {@code /health}: {@code status} healthy, degraded or unhealthy, and the {@code checks}. */
    public JsonObject health() {
        return http.request(ApiRequest.get("/health").anonymous());
    }

    /** Builds a {@link Parley} client. */
    public static final class Builder {
        private String apiKey = System.getenv("PARLEY_API_KEY");
        private String baseUrl = System.getenv("PARLEY_BASE_URL");
        private String domain;
        private String language;
        private int maxRetries = 2;
        private Duration timeout = Duration.ofSeconds(60);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration maxRetryDelay = Duration.ofSeconds(8);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpClient httpClient;

        private Builder() {}

        /** A secret ({@code sk_live_}/{@code sk_test_}), publishable ({@code pk_}) or console ({@code ct_}) key. Default {@code PARLEY_API_KEY}. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Where Parley runs, e.g. {@code https://support.example.com}. Default {@code PARLEY_BASE_URL}, else {@code http://localhost:8080}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** Sent as {@code X-Domain} (seed 000): one of the store's domains. */
        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        /** {@code Accept-Language} of error messages ({@code en}, {@code uz}). */
        public Builder language(String language) {
            this.language = language;
            return this;
        }

        /** Retries after the first attempt on 429, 502, 503 and connection errors. Default 2. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** Per attempt. Default 60 s. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** To open a connection. Default 10 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** The longest wait between retries when the server sends no {@code Retry-After}. Default 8 s. */
        public Builder maxRetryDelay(Duration maxRetryDelay) {
            this.maxRetryDelay = maxRetryDelay;
            return this;
        }

        /**
         * The longest {@code Retry-After} the client waits out; a server asking for longer (an hourly quota spent) gets
         * the {@link RateLimitException} thrown at once instead. Default 60 s.
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /** An extra header on every request (e.g. {@code X-Parley-Visitor-Token}). */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A {@link HttpClient} of your own (proxy, TLS settings); the default one speaks HTTP/1.1. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        public Parley build() {
            HttpClient client = httpClient != null
                    ? httpClient
                    : HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .build();
            String base = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl;
            return new Parley(new HttpCore(
                    base,
                    apiKey,
                    domain,
                    language,
                    maxRetries,
                    timeout,
                    maxRetryDelay,
                    maxRetryAfter,
                    headers,
                    client));
        }
    }
}
