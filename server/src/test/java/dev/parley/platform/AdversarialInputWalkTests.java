package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * An attacker's inputs sent to every JSON endpoint the application maps (enumerated from Spring MVC, so a new
 * endpoint is walked without being listed here): NUL, lone surrogates, huge strings, wrong JSON types, arrays where
 * objects belong, wildcard content types, absurd page numbers. Whatever each answers, it is never a 5xx.
 */
@ApiTest
@Tag("database")
class AdversarialInputWalkTests {

    /** Every non-ASCII character escaped, so a lone surrogate reaches the server as a JSON escape, not as "?". */
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** Field names tried on bodies read as trees or maps, whose fields the handler's signature does not tell. */
    private static final List<String> COMMON_FIELDS = List.of(
            "content",
            "message",
            "name",
            "email",
            "title",
            "query",
            "notes",
            "reason",
            "status",
            "priority",
            "tags",
            "url",
            "assignee_id",
            "metadata",
            "type");

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** One adversarial request: a body (or none) and its content type. */
    record Probe(String name, String contentType, String body) {}

    @Test
    void noJsonWriteEndpointAnswersAdversarialInputWithA5xx() {
        TestWorkspace workspace = fixtures.workspace();
        Map<String, String> ids = realIds(Api.at(port).withKey(workspace.liveKey()), workspace);
        List<String> failures = new ArrayList<>();
        int walked = 0;

        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                mappings.getHandlerMethods().entrySet()) {
            for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                if (method == RequestMethod.GET || method == RequestMethod.HEAD || method == RequestMethod.OPTIONS) {
                    continue;
                }
                for (String pattern : mapping.getKey().getPatternValues()) {
                    if (pattern.startsWith("/console") || pattern.startsWith("/v1/test-only/")) {
                        continue; // the console's HTML forms (ConsoleTests), and the tests' own failing endpoints
                    }
                    // A fresh key per endpoint, so its burst limit never answers for it.
                    Api api = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.LIVE));
                    String path = path(pattern, method == RequestMethod.DELETE ? Map.of() : ids);
                    for (Probe probe : probes(mapping.getValue())) {
                        Api.Response response = api.send(
                                method.name(),
                                path,
                                probe.contentType(),
                                probe.body() == null
                                        ? new byte[0]
                                        : probe.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        walked++;
                        if (response.status() >= 500) {
                            failures.add(method + " " + pattern + " [" + probe.name() + "] -> " + response.status()
                                    + " " + abbreviate(response.text()));
                        }
                    }
                }
            }
        }

        assertThat(walked).as("requests sent").isGreaterThan(500);
        assertThat(failures).isEmpty();
    }

    @Test
    void noListEndpointAnswersAbsurdPagingOrQueryTextWithA5xx() {
        TestWorkspace workspace = fixtures.workspace();
        List<String> failures = new ArrayList<>();
        Set<String> lists = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                info.getPatternValues().stream()
                        .filter(p -> p.startsWith("/v1/") && !p.contains("{") && !p.startsWith("/v1/test-only/"))
                        .forEach(lists::add);
            }
        });

        for (String list : lists) {
            Api api = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.LIVE));
            for (String query : List.of(
                    "page=2147483647&per_page=100",
                    "page=2147483648",
                    "page=-2147483648&per_page=-1",
                    "limit=2147483647&offset=2147483647",
                    "page=%00&per_page=%ED%A0%80",
                    "q=%00&status=%00&tag=%00&email=%00&from=%00",
                    "q=%ED%A0%80")) {
                Api.Response response = api.get(list + "?" + query);
                if (response.status() >= 500) {
                    failures.add("GET " + list + "?" + query + " -> " + response.status() + " "
                            + abbreviate(response.text()));
                }
            }
        }

        assertThat(lists).contains("/v1/conversations", "/v1/knowledge-base");
        assertThat(failures).isEmpty();
    }

    private static List<Probe> probes(HandlerMethod handler) {
        Function<Object, String> everyField = fieldsFiller(handler);
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("nul", "application/json", everyField.apply("\u0000")));
        probes.add(new Probe("nul only after text", "application/json", everyField.apply("ok\u0000")));
        probes.add(new Probe("lone surrogate", "application/json", everyField.apply("\ud800")));
        probes.add(new Probe("huge strings", "application/json", everyField.apply("x".repeat(20_000))));
        probes.add(new Probe("control characters", "application/json", everyField.apply("\u0001\u200b\ufeff")));
        probes.add(new Probe("numbers", "application/json", everyField.apply(2147483648L)));
        probes.add(new Probe("objects", "application/json", everyField.apply(Map.of("a", Map.of("b", 1)))));
        probes.add(new Probe("arrays", "application/json", everyField.apply(List.of(1, "two", List.of()))));
        probes.add(new Probe("array body", "application/json", "[{}]"));
        probes.add(new Probe("string body", "application/json", "\"text\""));
        probes.add(new Probe("null body", "application/json", "null"));
        probes.add(new Probe("empty object", "application/json", "{}"));
        probes.add(new Probe("nul property name", "application/json", "{\"\\u0000\":\"\\ud800\"}"));
        probes.add(new Probe("deep nesting", "application/json", "[".repeat(5_000) + "]".repeat(5_000)));
        probes.add(new Probe("wildcard content type", "*/*", "{}"));
        probes.add(new Probe("no body", null, null));
        return probes;
    }

    /** A JSON body setting every field the handler's body type declares (or common ones) to {@code value}. */
    private static Function<Object, String> fieldsFiller(HandlerMethod handler) {
        MethodParameter body = null;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                body = parameter;
            }
        }
        Class<?> type = body == null ? Object.class : body.getParameterType();
        return value -> JSON.writeValueAsString(fill(type, value, 0));
    }

    private static Map<String, Object> fill(Class<?> type, Object value, int depth) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (!type.isRecord()) {
            COMMON_FIELDS.forEach(name -> fields.put(name, value));
            return fields;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            fields.put(
                    snakeCase(component.getName()),
                    valueFor(component.getType(), component.getGenericType(), value, depth));
        }
        return fields;
    }

    private static Object valueFor(Class<?> type, Type generic, Object value, int depth) {
        if (!(value instanceof String)) {
            return value;
        }
        if (type.isRecord() && depth < 3) {
            return fill(type, value, depth + 1);
        }
        if (Collection.class.isAssignableFrom(type)) {
            Class<?> element =
                    generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c
                            ? c
                            : String.class;
            return List.of(element.isRecord() && depth < 3 ? fill(element, value, depth + 1) : value);
        }
        if (Map.class.isAssignableFrom(type)) {
            return Map.of("key", value);
        }
        return value;
    }

    /** Ids of things that exist, so handlers get past their lookups; anything else gets an id that does not. */
    private static Map<String, String> realIds(Api api, TestWorkspace workspace) {
        String conversation = api.post(
                        "/v1/conversations", Map.of("initial_message", "Hello", "customer_email", "walk@shop.example"))
                .json()
                .path("conversation_id")
                .asString();
        String article = api.post("/v1/knowledge-base", Map.of("title", "Returns", "content", "Thirty days."))
                .json()
                .path("article_id")
                .asString();
        String contact =
                api.get("/v1/contacts").json().path("data").path(0).path("id").asString();
        return Map.of(
                "conversation_id", conversation,
                "chat_id", conversation,
                "article_id", article,
                "contact_id", contact,
                "store_id", workspace.id());
    }

    private static String path(String pattern, Map<String, String> ids) {
        Matcher variable = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(
                    path, Matcher.quoteReplacement(ids.getOrDefault(variable.group(1), "x_missing")));
        }
        variable.appendTail(path);
        return path.toString();
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
