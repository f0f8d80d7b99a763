package dev.parley.sdk.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the assistant sees for a query. Any other field: {@link #get(String)}. */
public class SearchResponse extends JsonObject {
    public SearchResponse(Map<String, ?> values) {
        super(values);
    }

    /** {@code results}. */
    public List<SearchResult> results() {
        List<SearchResult> out = new ArrayList<>();
        for (JsonObject item : getObjects("results")) {
            out.add(new SearchResult(item.asMap()));
        }
        return out;
    }

    /** {@code took_ms}. */
    public Long tookMs() {
        return getLong("took_ms");
    }
}
