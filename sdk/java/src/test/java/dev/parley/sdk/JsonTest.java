package dev.parley.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.sdk.core.Json;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Params;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SDK's own JSON reader and writer, and request parameter casing. */
class JsonTest {
    @Test
    void parsesEveryKindOfValue() {
        Object parsed =
                Json.parse(" {\"s\":\"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00\",\"i\":-42,\"big\":123456789012345678901234,"
                        + "\"d\":1.5e2,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,[],{}],\"o\":{}} ");
        Map<?, ?> map = (Map<?, ?>) parsed;
        assertEquals("a\"b\\c\né😀", map.get("s"));
        assertEquals(-42L, map.get("i"));
        assertEquals(new BigInteger("123456789012345678901234"), map.get("big"));
        assertEquals(150.0, map.get("d"));
        assertEquals(true, map.get("t"));
        assertEquals(false, map.get("f"));
        assertEquals(null, map.get("n"));
        assertEquals(Arrays.asList(1L, List.of(), Map.of()), map.get("a"));
        assertEquals(List.of("s", "i", "big", "d", "t", "f", "n", "a", "o"), List.copyOf(map.keySet()), "order kept");
    }

    @Test
    void refusesMalformedJson() {
        for (String bad :
                List.of("", "{", "{\"a\"}", "[1,]", "{\"a\":1,}", "tru", "\"open", "1 2", "{'a':1}", "\"\u0001\"")) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
        }
    }

    @Test
    void writesCompactJsonAsJavaScriptWould() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "line\n\"quoted\" \\ \u0001 é");
        value.put("whole", 2.0);
        value.put("half", 0.5);
        value.put("list", List.of(1, "two", false));
        value.put("none", null);
        assertEquals(
                "{\"text\":\"line\\n\\\"quoted\\\" \\\\ \\u0001 é\",\"whole\":2,\"half\":0.5,"
                        + "\"list\":[1,\"two\",false],\"none\":null}",
                Json.write(value));
        assertEquals(value.get("text"), ((Map<?, ?>) Json.parse(Json.write(value))).get("text"), "round trip");
    }

    @Test
    void paramsAreSnakeCasedExceptInsideFreeFormMaps() {
        Params params = Params.of(
                "customerEmail",
                "a@example.com",
                "context",
                Map.of("pageUrl", "https://shop.test"),
                "metadata",
                Map.of("orderRef", "X1"),
                "skipped",
                null);
        Map<String, Object> map = params.toMap();
        assertEquals("a@example.com", map.get("customer_email"));
        assertEquals(Map.of("page_url", "https://shop.test"), map.get("context"));
        assertEquals(Map.of("orderRef", "X1"), map.get("metadata"), "the caller's own keys are kept");
        assertEquals(false, map.containsKey("skipped"));
        assertEquals("max_pages", Params.snakeCase("maxPages"));
        assertEquals("api_key_set", Params.snakeCase("apiKeySet"));
        assertEquals("already_snake", Params.snakeCase("already_snake"));
    }

    @Test
    void jsonObjectGivesTypedAndGenericViews() {
        JsonObject object =
                JsonObject.parse("{\"n\":3,\"d\":2.5,\"s\":\"x\",\"o\":{\"k\":true},\"l\":[{\"a\":1}],\"z\":null}");
        assertEquals(3, object.getInt("n"));
        assertEquals(2.5, object.getDouble("d"));
        assertEquals("x", object.getString("s"));
        assertEquals(true, object.getObject("o").is("k"));
        assertEquals(1L, object.getObjects("l").get(0).getLong("a"));
        assertEquals(null, object.getObjectOrNull("z"));
        assertEquals(0, object.getObject("missing").asMap().size());
        assertEquals(
                "{\"n\":3,\"d\":2.5,\"s\":\"x\",\"o\":{\"k\":true},\"l\":[{\"a\":1}],\"z\":null}", object.toJson());
    }
}
