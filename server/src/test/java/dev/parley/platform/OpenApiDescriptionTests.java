package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description an SDK is generated from names what the API really sends and accepts. */
@ApiTest
class OpenApiDescriptionTests {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final Pattern PATH_VARIABLE_PATTERN = Pattern.compile("\\{([^}:]+):[^}]*}");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Fetched once: building the description takes a while on a loaded machine. */
    static JsonNode description;

    @BeforeEach
    void fetchTheDescription() {
        if (description == null) {
            Api.Response response =
                    Api.at(port).withTimeout(Duration.ofMinutes(3)).get("/openapi.json");
            assertThat(response.status()).isEqualTo(200);
            description = response.json();
        }
    }

    @Test
    void theConversationCreateOperationPointsAtItsOwnRequestSchema() {
        JsonNode schema = requestSchema("/v1/conversations", "post");

        assertThat(schema.path("properties").has("customer_email")).isTrue();
        assertThat(schema.path("properties").has("initial_message")).isTrue();
        assertThat(schema.path("properties").has("url")).isFalse();
    }

    @Test
    void theWebhookCreateOperationPointsAtItsOwnRequestSchema() {
        JsonNode schema = requestSchema("/v1/webhooks", "post");

        assertThat(schema.path("properties").has("url")).isTrue();
        assertThat(schema.path("properties").has("events")).isTrue();
        assertThat(schema.path("properties").has("signature_format")).isTrue();
        assertThat(schema.path("properties").has("initial_message")).isFalse();
    }

    @Test
    void operationsTakingDifferentRequestRecordsNeverShareASchemaName() {
        Map<String, Set<Class<?>>> recordsBySchema = new HashMap<>();
        int described = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            Class<?> body = requestBodyType(entry.getValue());
            if (body == null || !body.isRecord()) {
                continue;
            }
            for (String path : paths(entry.getKey())) {
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    String ref = description
                            .path("paths")
                            .path(path)
                            .path(method.name().toLowerCase())
                            .at("/requestBody/content/application~1json/schema/$ref")
                            .asString("");
                    if (!ref.isEmpty()) {
                        described++;
                        recordsBySchema
                                .computeIfAbsent(ref, r -> new HashSet<>())
                                .add(body);
                    }
                }
            }
        }

        assertThat(described).as("operations with a JSON request record").isGreaterThan(10);
        assertThat(recordsBySchema)
                .allSatisfy((ref, records) -> assertThat(records).as(ref).hasSize(1));
    }

    @Test
    void everySchemaPropertyIsSnakeCaseAsTheApiSpellsIt() {
        List<String> wrong = new ArrayList<>();
        description
                .path("components")
                .path("schemas")
                .properties()
                .forEach(schema -> schema.getValue()
                        .path("properties")
                        .propertyNames()
                        .forEach(name -> {
                            if (!SNAKE_CASE.matcher(name).matches()) {
                                wrong.add(schema.getKey() + "." + name);
                            }
                        }));

        assertThat(description.path("components").path("schemas").size()).isGreaterThan(10);
        // springdoc's own converters still run beneath the snake_case one: no wrapper leaks in as a schema
        assertThat(description.path("components").path("schemas").propertyNames())
                .noneMatch(name -> name.startsWith("ResponseEntity"));
        assertThat(wrong).isEmpty();
    }

    @Test
    void describesTheFormatAnErasureReasonMustHave() {
        JsonNode reason = requestSchema("/v1/gdpr/delete", "delete").at("/properties/reason");
        JsonNode parameter = description
                .at("/paths/~1v1~1gdpr~1delete/delete/parameters")
                .valueStream()
                .filter(p -> p.path("name").asString().equals("reason"))
                .findFirst()
                .orElseThrow();

        assertThat(reason.path("pattern").asString()).isEqualTo("^[a-z0-9_]{1,64}$");
        assertThat(reason.path("description").asString()).contains("user_request");
        assertThat(parameter.at("/schema/pattern").asString()).isEqualTo("^[a-z0-9_]{1,64}$");
    }

    @Test
    void parametersAreNamedAsTheApiReadsThem() {
        JsonNode list = description.path("paths").path("/v1/conversations").path("get");

        assertThat(list.path("parameters").valueStream().map(p -> p.path("name").asString()))
                .contains("customer_email")
                .allSatisfy(name -> assertThat(name).matches(SNAKE_CASE));
    }

    @Test
    void namesEachSeedsSpellingOfAMessageAndOfTheQuery() {
        JsonNode message = requestSchema("/v1/conversations/{conversation_id}/messages", "post");
        JsonNode chatMessage = requestSchema("/v1/chats/{chat_id}/messages", "post");
        String api = description.at("/info/description").asString();

        assertThat(message.at("/properties/content/description").asString()).contains("message", "text");
        assertThat(chatMessage.at("/properties/text/description").asString()).contains("content", "message");
        assertThat(api)
                .contains("camelCase name in a JSON body or query")
                .contains("limit or per_page")
                .contains("10 a minute per client IP");
    }

    private JsonNode requestSchema(String path, String method) {
        String ref = description
                .path("paths")
                .path(path)
                .path(method)
                .at("/requestBody/content/application~1json/schema/$ref")
                .asString("");
        assertThat(ref).startsWith("#/components/schemas/");
        return description.at("/components/schemas/" + ref.substring("#/components/schemas/".length()));
    }

    private static Class<?> requestBodyType(HandlerMethod handler) {
        for (Parameter parameter : handler.getMethod().getParameters()) {
            if (parameter.isAnnotationPresent(RequestBody.class)) {
                return parameter.getType();
            }
        }
        return null;
    }

    /** The paths as the description writes them: a variable's regular expression left out. */
    private static Set<String> paths(RequestMappingInfo info) {
        Set<String> paths = new HashSet<>();
        for (String pattern : info.getPatternValues()) {
            paths.add(PATH_VARIABLE_PATTERN.matcher(pattern).replaceAll("{$1}"));
        }
        return paths;
    }
}
