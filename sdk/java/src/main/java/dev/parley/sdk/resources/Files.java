package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.ApiRequest;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.model.FileInfo;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Params;
import dev.parley.sdk.model.UploadUrl;

/** Attachments: a signed upload URL, the upload, and the confirmation that attaches the file to a conversation. */
public final class Files extends Resource {
    public Files(HttpCore http) {
        super(http);
    }

    /** A slot for a file: {@code file_id} and a signed {@code upload_url}. */
    public UploadUrl createUploadUrl(String filename, String contentType, long sizeBytes, RequestOptions... options) {
        return post(
                "/v1/files/upload-url",
                Params.of("filename", filename, "contentType", contentType, "sizeBytes", sizeBytes),
                UploadUrl::new,
                options);
    }

    /** PUTs the bytes to the signed {@code upload_url} (no key: the signature is the permission). */
    public JsonObject upload(String uploadUrl, byte[] bytes, String contentType, RequestOptions... options) {
        return http.request(ApiRequest.put(uploadUrl)
                .rawBody(bytes, contentType)
                .anonymous()
                .options(opts(options)));
    }

    /** Attaches an uploaded file to a conversation ({@code fileId}, and {@code conversationId} or {@code chatId}). */
    public FileInfo confirm(Params params, RequestOptions... options) {
        return post("/v1/files/confirm", params, FileInfo::new, options);
    }

    /** A file's details and a fresh signed download {@code url}. */
    public FileInfo get(String fileId, RequestOptions... options) {
        return get("/v1/files/" + enc(fileId), null, FileInfo::new, options);
    }

    /** Upload URL, upload and confirm in one call. */
    public FileInfo uploadFile(String conversationId, String filename, String contentType, byte[] data) {
        UploadUrl slot = createUploadUrl(filename, contentType, data.length);
        upload(slot.uploadUrl(), data, contentType);
        return confirm(Params.of("fileId", slot.fileId(), "conversationId", conversationId));
    }

    /** The bytes behind a signed download {@code url}. */
    public byte[] download(String url, RequestOptions... options) {
        return http.send(ApiRequest.get(url).anonymous().options(opts(options))).bytes();
    }
}
