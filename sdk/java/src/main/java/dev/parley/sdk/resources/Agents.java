package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.core.PageIterable;
import dev.parley.sdk.model.Agent;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Params;

/** Human agents. */
public final class Agents extends Resource {
    public Agents(HttpCore http) {
        super(http);
    }

    /** {@code name}, {@code email}, {@code role}, {@code password}, {@code capacity}. */
    public Agent create(Params params, RequestOptions... options) {
        return post("/v1/agents", params, Agent::new, options);
    }

    public PageIterable<Agent> list(Params params, RequestOptions... options) {
        return paged("/v1/agents", params, Agent::new, options);
    }

    public Agent get(String agentId, RequestOptions... options) {
        return get("/v1/agents/" + enc(agentId), null, Agent::new, options);
    }

    public Agent update(String agentId, Params params, RequestOptions... options) {
        return patch("/v1/agents/" + enc(agentId), params, Agent::new, options);
    }

    /** Deactivates: no more sign-in, open chats return to the queue. */
    public Agent deactivate(String agentId, RequestOptions... options) {
        return delete("/v1/agents/" + enc(agentId), null, Agent::new, options);
    }

    public JsonObject stats(String agentId, Params params, RequestOptions... options) {
        return get("/v1/agents/" + enc(agentId) + "/stats", params, JsonObject::new, options);
    }
}
