package dev.parley.platform;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a fetch received, after following redirects.
 *
 * @param finalUrl the URL that gave this response
 * @param status the HTTP status, of any class
 * @param headers the response headers, looked up in any case
 * @param contentType the media type without parameters, in lower case, e.g. {@code text/html}; {@code null} if none
 * @param charset the {@code charset} parameter of the content type, or {@code null} if absent or unknown
 * @param body the body, decoded from any content encoding; empty if none
 * @param redirects the URLs that redirected, in order, ending with the one that redirected to {@code finalUrl}
 */
public record FetchResponse(
        URI finalUrl,
        int status,
        Map<String, List<String>> headers,
        String contentType,
        Charset charset,
        byte[] body,
        List<URI> redirects) {

    public FetchResponse {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.merge(name, List.copyOf(values), (a, b) -> concat(a, b)));
        headers = Collections.unmodifiableMap(byName);
        body = body == null ? new byte[0] : body;
        redirects = List.copyOf(redirects);
    }

    /** The first value of a header, in any case. */
    public Optional<String> header(String name) {
        return headers.getOrDefault(name, List.of()).stream().findFirst();
    }

    /** The body as text, in its declared charset or UTF-8. */
    public String text() {
        return new String(body, charset != null ? charset : StandardCharsets.UTF_8);
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
