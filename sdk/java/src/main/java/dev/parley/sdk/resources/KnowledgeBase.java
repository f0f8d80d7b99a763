package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.core.PageIterable;
import dev.parley.sdk.model.Article;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Params;
import dev.parley.sdk.model.SearchResponse;

/** Knowledge-base articles and what the assistant finds in them. */
public final class KnowledgeBase extends Resource {
    private final Documents documents;

    public KnowledgeBase(HttpCore http) {
        super(http);
        this.documents = new Documents(http);
    }

    /** Imported documents. */
    public Documents documents() {
        return documents;
    }

    /** Creates an article ({@code title}, {@code content}, {@code category}, {@code tags}, ...), or updates {@code articleId}'s. */
    public Article create(Params params, RequestOptions... options) {
        return post("/v1/knowledge-base", params, Article::new, options);
    }

    /** Articles ({@code category}, {@code tag}, {@code status}, {@code q}). */
    public PageIterable<Article> list(Params params, RequestOptions... options) {
        return paged("/v1/knowledge-base", params, Article::new, options);
    }

    public Article get(String articleId, RequestOptions... options) {
        return get("/v1/knowledge-base/" + enc(articleId), null, Article::new, options);
    }

    /** Changes the fields given. */
    public Article update(String articleId, Params params, RequestOptions... options) {
        return patch("/v1/knowledge-base/" + enc(articleId), params, Article::new, options);
    }

    /** Replaces the article ({@code title} and {@code content} required; what is left out is reset). */
    public Article replace(String articleId, Params params, RequestOptions... options) {
        return put("/v1/knowledge-base/" + enc(articleId), params, Article::new, options);
    }

    public JsonObject delete(String articleId, RequestOptions... options) {
        return delete("/v1/knowledge-base/" + enc(articleId), null, JsonObject::new, options);
    }

    /** What the assistant sees for a query ({@code query}, {@code topK}, {@code filters}). */
    public SearchResponse search(Params params, RequestOptions... options) {
        return post("/v1/knowledge-base/search", params, SearchResponse::new, options);
    }
}
