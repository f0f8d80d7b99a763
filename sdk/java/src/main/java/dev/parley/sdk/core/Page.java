package dev.parley.sdk.core;

import dev.parley.sdk.model.JsonObject;
import java.util.Collections;
import java.util.List;

/**
 * One page of a list, as the API answers it: {@code data}, and either a {@code pagination} block ({@code page},
 * {@code total_pages}; seed 003's {@code pages}) or a cursor's {@code has_more}.
 */
public final class Page<T> {
    private final List<T> data;
    private final JsonObject raw;

    public Page(List<T> data, JsonObject raw) {
        this.data = Collections.unmodifiableList(data);
        this.raw = raw;
    }

    public List<T> data() {
        return data;
    }

    /** The {@code pagination} block (empty for cursor lists). */
    public JsonObject pagination() {
        return raw.getObject("pagination");
    }

    /** Cursor lists: whether more items follow. */
    public boolean hasMore() {
        return raw.is("has_more");
    }

    /** The whole answer, for fields beside {@code data}. */
    public JsonObject raw() {
        return raw;
    }

    /** The next page number of a paged list, or null after the last. */
    public Integer nextPageNumber() {
        JsonObject p = pagination();
        Integer page = p.getInt("page");
        Integer total = p.has("total_pages") ? p.getInt("total_pages") : p.getInt("pages");
        if (page == null || total == null) {
            return null;
        }
        return page < total ? page + 1 : null;
    }
}
