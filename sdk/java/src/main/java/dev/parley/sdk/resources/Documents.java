package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.ApiRequest;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.core.PageIterable;
import dev.parley.sdk.model.Document;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Params;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Documents imported into the knowledge base (PDF, DOCX, HTML, Markdown, text; up to 20 MB). */
public final class Documents extends Resource {
    public Documents(HttpCore http) {
        super(http);
    }

    /**
     * Imports a document as multipart form data. {@code fields} may carry {@code title}, {@code category},
     * {@code tags} (comma-separated or a list) and {@code status}.
     */
    public Document upload(byte[] file, String filename, String contentType, Params fields, RequestOptions... options) {
        String boundary = "parley-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(
                body,
                boundary,
                "Content-Disposition: form-data; name=\"file\"; filename=\"" + quoted(filename) + "\"\r\nContent-Type: "
                        + contentType,
                file);
        for (Map.Entry<String, Object> field : orEmpty(fields).toMap().entrySet()) {
            Object value = field.getValue();
            String text = value instanceof Iterable ? String.join(",", stringList(value)) : String.valueOf(value);
            part(
                    body,
                    boundary,
                    "Content-Disposition: form-data; name=\"" + quoted(field.getKey()) + "\"",
                    text.getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonObject answer = http.request(ApiRequest.post("/v1/knowledge-base/documents")
                .rawBody(body.toByteArray(), "multipart/form-data; boundary=" + boundary)
                .options(opts(options)));
        return new Document(answer.asMap());
    }

    public PageIterable<Document> list(Params params, RequestOptions... options) {
        return paged("/v1/knowledge-base/documents", params, Document::new, options);
    }

    public Document get(String documentId, RequestOptions... options) {
        return get("/v1/knowledge-base/documents/" + enc(documentId), null, Document::new, options);
    }

    public JsonObject delete(String documentId, RequestOptions... options) {
        return delete("/v1/knowledge-base/documents/" + enc(documentId), null, JsonObject::new, options);
    }

    private static void part(ByteArrayOutputStream out, String boundary, String headers, byte[] content) {
        out.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(String value) {
        return value.replace("\"", "%22").replace("\r", "").replace("\n", "");
    }

    private static java.util.List<String> stringList(Object iterable) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Object item : (Iterable<?>) iterable) {
            out.add(String.valueOf(item));
        }
        return out;
    }
}
