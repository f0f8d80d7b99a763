package dev.parley.dialect.internal;

import dev.parley.dialect.Dialect;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What each dialect changes on the wire. Requests: seed 000's camelCase names become the canonical snake_case ones.
 * Responses: seed 000's bodies in camelCase and its flat error envelope; seed 004's upper-case error codes.
 */
final class SeedDialects {

    /** Seed 000's error codes for the canonical ones it has a word for; any other is the canonical code upper-cased. */
    private static final Map<String, String> OMNIOPS_CODES = Map.of(
            "invalid_api_key", "AUTH_INVALID",
            "rate_limited", "RATE_LIMIT_EXCEEDED",
            "quota_exceeded", "INSUFFICIENT_CREDITS",
            "invalid_request", "INVALID_REQUEST",
            "missing_field", "INVALID_REQUEST",
            "not_found", "RESOURCE_NOT_FOUND",
            "internal_error", "INTERNAL_ERROR",
            "domain_not_configured", "DOMAIN_NOT_CONFIGURED");

    /** Seed 004's error codes; {@code integration_error} is named by the service that failed. */
    private static final Map<String, String> VOICE_CODES = Map.of(
            "invalid_api_key", "UNAUTHORIZED",
            "insufficient_permissions", "FORBIDDEN",
            "not_found", "NOT_FOUND",
            "invalid_request", "VALIDATION_ERROR",
            "missing_field", "VALIDATION_ERROR",
            "rate_limited", "RATE_LIMIT_EXCEEDED",
            "quota_exceeded", "RATE_LIMIT_EXCEEDED",
            "internal_error", "INTERNAL_ERROR");

    /** Scrape options seed 000's SDK passes beside {@code url} rather than inside {@code options}. */
    private static final Set<String> SCRAPE_OPTIONS =
            Set.of("max_pages", "follow_links", "extract_products", "extract_faqs");

    /**
     * One query parameter under each seed's name: seed 003 pages with {@code limit} and dates with {@code from}/{@code
     * to}, seeds 001 and 002 with {@code per_page} and {@code start_date}/{@code end_date}; seed 003 filters chats by
     * {@code agent_id}, seed 001's inbox by {@code assigned_to}; seed 002 buckets by {@code group_by}, seed 001 by
     * {@code granularity}. A name the client sent itself always wins.
     */
    private static final Map<String, List<String>> SYNONYMS = Map.of(
            "per_page", List.of("limit"),
            "limit", List.of("per_page"),
            "start_date", List.of("from"),
            "end_date", List.of("to"),
            "from", List.of("start_date"),
            "to", List.of("end_date"),
            "agent_id", List.of("assigned_to"),
            "assigned_to", List.of("agent_id"),
            "granularity", List.of("group_by"),
            "group_by", List.of("granularity"));

    /** Paths whose bodies are read byte for byte: signed by their sender, or a file the client uploads. */
    private static final List<String> VERBATIM = List.of(
            "/webhooks/shopify",
            "/webhooks/woocommerce",
            "/webhooks/gorgias",
            "/files/uploads/",
            "/knowledge-base/documents");

    /** Properties whose keys are the caller's data (metadata, an event's data, a tool's arguments), not field names. */
    private static final Set<String> FREE_FORM = Set.of("metadata", "data", "parameters", "facts", "preferences");

    private final Clock clock;

    SeedDialects(Clock clock) {
        this.clock = clock;
    }

    /**
     * The request body the canonical endpoint reads, or {@code null} when it reads the body as sent. Seed 000's
     * endpoints read camelCase; every other JSON endpoint reads a camelCase name too (the seeds' JavaScript SDKs spell
     * {@code customerEmail}, {@code userId}, {@code conversationId}), as its snake_case name. Bodies whose bytes are
     * checked or kept as sent (signed inbound webhooks, uploaded files and documents) pass untouched.
     */
    JsonNode request(Dialect dialect, String path, JsonNode body) {
        if (dialect == Dialect.OMNIOPS) {
            // A caller's own metadata is data, not field names.
            JsonNode renamed = Spelling.renamed(body, Spelling::snake, Set.of("metadata"));
            if (path.equals("/api/scrape") && renamed instanceof ObjectNode object) {
                moveScrapeOptions(object);
            }
            return renamed;
        }
        if (VERBATIM.stream().anyMatch(path::contains)) {
            return null;
        }
        JsonNode renamed = Spelling.renamed(body, Spelling::snakeIfCamel, FREE_FORM);
        return renamed.equals(body) ? null : renamed;
    }

    /** Collects, for each camelCase name in {@code sent} the endpoint read as its snake_case one, that pair. */
    static void spellings(JsonNode sent, Map<String, String> spelled) {
        if (sent instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                String canonical = Spelling.snakeIfCamel(entry.getKey());
                if (!canonical.equals(entry.getKey())) {
                    spelled.putIfAbsent(canonical, entry.getKey());
                }
                if (!FREE_FORM.contains(entry.getKey())) {
                    spellings(entry.getValue(), spelled);
                }
            }
        } else if (sent != null && sent.isArray()) {
            sent.forEach(item -> spellings(item, spelled));
        }
    }

    /**
     * An error naming a field ({@code details.field}, e.g. {@code context.page_url}) names it as the client spelled
     * it ({@code context.pageUrl}); any other answer is returned as it is.
     */
    static JsonNode fieldAsSent(JsonNode answer, Map<String, String> spelled) {
        if (answer.at("/error/details") instanceof ObjectNode details
                && details.path("field").isString()) {
            StringBuilder field = new StringBuilder();
            for (String part : details.path("field").asString().split("\\.", -1)) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                int index = part.indexOf('[');
                String name = index < 0 ? part : part.substring(0, index);
                field.append(spelled.getOrDefault(name, name)).append(index < 0 ? "" : part.substring(index));
            }
            details.put("field", field.toString());
        }
        return answer;
    }

    /**
     * The query parameters the endpoint reads: the client's, plus the snake_case name of each camelCase one and the
     * other seeds' names for the same parameter ({@link #SYNONYMS}), where the client did not send that name itself.
     */
    static Map<String, String[]> parameters(Map<String, String[]> sent) {
        Map<String, String[]> read = new LinkedHashMap<>(sent);
        sent.forEach((name, values) -> read.putIfAbsent(Spelling.snakeIfCamel(name), values));
        for (Map.Entry<String, List<String>> synonym : SYNONYMS.entrySet()) {
            for (String other : synonym.getValue()) {
                if (!read.containsKey(synonym.getKey()) && read.containsKey(other)) {
                    read.put(synonym.getKey(), read.get(other));
                }
            }
        }
        return read;
    }

    /** The response body the client of {@code dialect} reads. */
    JsonNode response(Dialect dialect, String path, int status, JsonNode body) {
        boolean error = status >= 400
                && body instanceof ObjectNode object
                && object.get("error") instanceof ObjectNode failure
                && failure.has("code");
        return switch (dialect) {
            case CANONICAL -> body;
            case OMNIOPS ->
                error ? omniopsError((ObjectNode) body) : Spelling.renamed(body, Spelling::camel, keep(path));
            case VOICE -> error ? voiceError((ObjectNode) body) : body;
        };
    }

    private static Set<String> keep(String path) {
        if (path.startsWith("/api/training")) {
            return Set.of("metadata");
        }
        if (path.startsWith("/api/gdpr/")) {
            return Set.of("erased");
        }
        return Set.of();
    }

    private static void moveScrapeOptions(ObjectNode body) {
        for (String option : SCRAPE_OPTIONS) {
            if (!body.has(option)) {
                continue;
            }
            JsonNode value = body.remove(option);
            JsonNode options = body.get("options");
            if (options == null || options.isNull()) {
                options = body.putObject("options");
            }
            if (options instanceof ObjectNode object && !object.has(option)) {
                object.set(option, value);
            }
        }
    }

    /** {@code {"error":"<message>","code":"RESOURCE_NOT_FOUND","details":{...},"timestamp":"...","requestId":"..."}}. */
    private ObjectNode omniopsError(ObjectNode canonical) {
        ObjectNode failure = (ObjectNode) canonical.get("error");
        String code = failure.path("code").asString();
        ObjectNode flat = JsonNodeFactory.instance.objectNode();
        flat.put("error", failure.path("message").asString());
        flat.put("code", OMNIOPS_CODES.getOrDefault(code, code.toUpperCase(java.util.Locale.ROOT)));
        JsonNode details = Spelling.renamed(failure.path("details"), Spelling::camel, Set.of());
        if (details instanceof ObjectNode named && named.path("field").isString()) {
            named.put("field", camelPath(named.path("field").asString()));
        }
        flat.set("details", details.isMissingNode() ? JsonNodeFactory.instance.objectNode() : details);
        if (failure.has("message_en")) {
            flat.set("messageEn", failure.get("message_en"));
        }
        flat.put("timestamp", Instant.now(clock).toString());
        if (canonical.has("request_id")) {
            flat.set("requestId", canonical.get("request_id"));
        }
        return flat;
    }

    /** Seed 000 names a field by its camelCase path: {@code options.max_pages} is {@code options.maxPages}. */
    private static String camelPath(String field) {
        StringBuilder out = new StringBuilder();
        for (String part : field.split("\\.", -1)) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(Spelling.camel(part));
        }
        return out.toString();
    }

    private static ObjectNode voiceError(ObjectNode canonical) {
        ObjectNode failure = (ObjectNode) canonical.get("error");
        String code = failure.path("code").asString();
        String voice = VOICE_CODES.get(code);
        if (voice == null && code.equals("integration_error")) {
            voice = switch (failure.path("details").path("service").asString("")) {
                case "shopify" -> "SHOPIFY_API_ERROR";
                case "livekit" -> "LIVEKIT_ERROR";
                default -> "INTEGRATION_ERROR";
            };
        }
        failure.put("code", voice != null ? voice : code.toUpperCase(java.util.Locale.ROOT));
        if (code.equals("missing_field")
                && failure.get("details") instanceof ObjectNode details
                && !details.has("reason")) {
            // VALIDATION_ERROR covers both: the reason keeps what missing_field said.
            details.put("reason", "required");
        }
        return canonical;
    }
}
