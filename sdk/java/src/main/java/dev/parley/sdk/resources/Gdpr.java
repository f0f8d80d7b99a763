package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.ApiRequest;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.core.PageIterable;
import dev.parley.sdk.model.GdprErasure;
import dev.parley.sdk.model.GdprExport;
import dev.parley.sdk.model.Params;

/** A customer's data: export it, erase it, and the erasure log. */
public final class Gdpr extends Resource {
    public Gdpr(HttpCore http) {
        super(http);
    }

    /** Starts (or finds the running) export: {@code userId} or {@code email}, {@code includeConversations}. */
    public GdprExport export(Params params, RequestOptions... options) {
        return post("/v1/gdpr/export", params, GdprExport::new, options);
    }

    public GdprExport exportStatus(String requestId, RequestOptions... options) {
        return get("/v1/gdpr/export/" + enc(requestId), null, GdprExport::new, options);
    }

    /** The export archive (a zip) behind its signed {@code download_url}. */
    public byte[] download(String downloadUrl, RequestOptions... options) {
        return http.send(ApiRequest.get(downloadUrl).anonymous().options(opts(options)))
                .bytes();
    }

    /** Erases a customer's personal data everywhere: {@code userId} or {@code email}, {@code reason}. */
    public GdprErasure delete(Params params, RequestOptions... options) {
        return delete("/v1/gdpr/delete", params, GdprErasure::new, options);
    }

    public PageIterable<GdprErasure> erasures(Params params, RequestOptions... options) {
        return paged("/v1/gdpr/erasures", params, GdprErasure::new, options);
    }
}
