package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.model.Params;
import dev.parley.sdk.model.ToolExecution;

/** Runs one of the assistant's tools through its gate and policy ({@code /v1/test/tool-execution}). */
public final class Tools extends Resource {
    public Tools(HttpCore http) {
        super(http);
    }

    /** {@code tool}, {@code parameters}, {@code facts}. */
    public ToolExecution execute(Params params, RequestOptions... options) {
        return post("/v1/test/tool-execution", params, ToolExecution::new, options);
    }
}
