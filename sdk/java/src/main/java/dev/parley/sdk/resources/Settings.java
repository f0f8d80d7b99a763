package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.core.PageIterable;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Params;

/** Settings kept beside the store: its commerce connection, helpdesk, voice defaults, widget and triggers. */
public final class Settings extends Resource {
    public Settings(HttpCore http) {
        super(http);
    }

    public JsonObject storeConnection(RequestOptions... options) {
        return get("/v1/store/connection", null, JsonObject::new, options);
    }

    public JsonObject updateStoreConnection(Params params, RequestOptions... options) {
        return put("/v1/store/connection", params, JsonObject::new, options);
    }

    public JsonObject deleteStoreConnection(RequestOptions... options) {
        return delete("/v1/store/connection", null, JsonObject::new, options);
    }

    public JsonObject helpdeskConnection(RequestOptions... options) {
        return get("/v1/helpdesk/connection", null, JsonObject::new, options);
    }

    public JsonObject updateHelpdeskConnection(Params params, RequestOptions... options) {
        return put("/v1/helpdesk/connection", params, JsonObject::new, options);
    }

    public JsonObject deleteHelpdeskConnection(RequestOptions... options) {
        return delete("/v1/helpdesk/connection", null, JsonObject::new, options);
    }

    public JsonObject voice(RequestOptions... options) {
        return get("/v1/voice/settings", null, JsonObject::new, options);
    }

    /** {@code speechToText}, {@code textToSpeech}, {@code audioFormat}. */
    public JsonObject updateVoice(Params params, RequestOptions... options) {
        return put("/v1/voice/settings", params, JsonObject::new, options);
    }

    public JsonObject widget(RequestOptions... options) {
        return get("/v1/widget/config", null, JsonObject::new, options);
    }

    public JsonObject updateWidget(Params params, RequestOptions... options) {
        return patch("/v1/widget/config", params, JsonObject::new, options);
    }

    public PageIterable<JsonObject> triggers(Params params, RequestOptions... options) {
        return paged("/v1/automation/triggers", params, JsonObject::new, options);
    }

    public JsonObject createTrigger(Params params, RequestOptions... options) {
        return post("/v1/automation/triggers", params, JsonObject::new, options);
    }

    public JsonObject updateTrigger(String triggerId, Params params, RequestOptions... options) {
        return patch("/v1/automation/triggers/" + enc(triggerId), params, JsonObject::new, options);
    }

    public JsonObject deleteTrigger(String triggerId, RequestOptions... options) {
        return delete("/v1/automation/triggers/" + enc(triggerId), null, JsonObject::new, options);
    }
}
