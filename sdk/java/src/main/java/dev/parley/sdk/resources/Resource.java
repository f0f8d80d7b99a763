package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.ApiRequest;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.core.Page;
import dev.parley.sdk.core.PageIterable;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Params;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What every resource group shares: the HTTP core, typed results and list helpers. */
abstract class Resource {
    protected final HttpCore http;

    Resource(HttpCore http) {
        this.http = http;
    }

    /** The call's options: the first of the trailing arguments, or none. */
    static RequestOptions opts(RequestOptions[] options) {
        if (options.length > 1) {
            throw new IllegalArgumentException("Pass at most one RequestOptions");
        }
        return options.length == 0 ? null : options[0];
    }

    /** A path segment, percent-encoded. */
    static String enc(String segment) {
        if (segment == null || segment.isEmpty()) {
            throw new IllegalArgumentException("An id is required");
        }
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Params orEmpty(Params params) {
        return params == null ? new Params() : params;
    }

    <T> T get(String path, Params query, Function<Map<String, ?>, T> type, RequestOptions[] options) {
        return type.apply(http.request(ApiRequest.get(path).query(query).options(opts(options)))
                .asMap());
    }

    <T> T post(String path, Object body, Function<Map<String, ?>, T> type, RequestOptions[] options) {
        Object sent = body == null ? new Params() : body;
        return type.apply(http.request(ApiRequest.post(path).body(sent).options(opts(options)))
                .asMap());
    }

    <T> T patch(String path, Params body, Function<Map<String, ?>, T> type, RequestOptions[] options) {
        return type.apply(
                http.request(ApiRequest.patch(path).body(orEmpty(body)).options(opts(options)))
                        .asMap());
    }

    <T> T put(String path, Params body, Function<Map<String, ?>, T> type, RequestOptions[] options) {
        return type.apply(http.request(ApiRequest.put(path).body(orEmpty(body)).options(opts(options)))
                .asMap());
    }

    <T> T delete(String path, Params body, Function<Map<String, ?>, T> type, RequestOptions[] options) {
        ApiRequest request = ApiRequest.delete(path).options(opts(options));
        if (body != null) {
            request.body(body);
        }
        return type.apply(http.request(request).asMap());
    }

    /** A {@code page}/{@code per_page} list, fetched page by page as it is iterated. */
    <T> PageIterable<T> paged(String path, Params query, Function<Map<String, ?>, T> type, RequestOptions[] options) {
        Params base = orEmpty(query);
        RequestOptions call = opts(options);
        Function<Integer, Page<T>> fetch = page -> {
            Params q = new Params().putAll(base);
            if (page != null) {
                q.put("page", page);
            }
            return page(http.request(ApiRequest.get(path).query(q).options(call)), type);
        };
        return new PageIterable<>(() -> fetch.apply(null), previous -> {
            Integer next = previous.nextPageNumber();
            return next == null ? null : fetch.apply(next);
        });
    }

    static <T> Page<T> page(JsonObject body, Function<Map<String, ?>, T> type) {
        List<T> items = new ArrayList<>();
        for (JsonObject item : body.getObjects("data")) {
            items.add(type.apply(item.asMap()));
        }
        return new Page<>(items, body);
    }
}
