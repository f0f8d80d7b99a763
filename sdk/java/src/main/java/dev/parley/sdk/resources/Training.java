package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.core.PageIterable;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Params;
import dev.parley.sdk.model.TrainingItem;
import java.util.List;

/** Training items: FAQs, products, policies, guides. */
public final class Training extends Resource {
    public Training(HttpCore http) {
        super(http);
    }

    /** {@code type}, {@code title}, {@code content}, {@code metadata}. */
    public TrainingItem create(Params params, RequestOptions... options) {
        return post("/v1/training", params, TrainingItem::new, options);
    }

    /** At most 1000 items, all or nothing: {@code created} and {@code items}. */
    public JsonObject createBatch(List<Params> items, RequestOptions... options) {
        return post("/v1/training/batch", Params.of("items", items), JsonObject::new, options);
    }

    public PageIterable<TrainingItem> list(Params params, RequestOptions... options) {
        return paged("/v1/training", params, TrainingItem::new, options);
    }

    public TrainingItem get(String id, RequestOptions... options) {
        return get("/v1/training/" + enc(id), null, TrainingItem::new, options);
    }

    public TrainingItem update(String id, Params params, RequestOptions... options) {
        return patch("/v1/training/" + enc(id), params, TrainingItem::new, options);
    }

    public JsonObject delete(String id, RequestOptions... options) {
        return delete("/v1/training/" + enc(id), null, JsonObject::new, options);
    }
}
