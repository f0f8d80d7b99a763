package dev.parley.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to fetch and within which limits. Start from {@link #get(URI)} and adjust with the {@code with...} methods.
 *
 * @param url an absolute {@code http} or {@code https} URL; anything else is refused when fetched
 * @param method the request method; a 303, or a 301 or 302 answering a POST, turns it into GET as browsers do
 * @param headers request headers, one value per name; {@code Host}, {@code Content-Length}, {@code Connection} and
 *     {@code Transfer-Encoding} are the client's to set
 * @param body the request body, or {@code null} for none
 * @param acceptedContentTypes media types a successful response may have, such as {@code text/html} or
 *     {@code text/*}, compared without parameters; empty accepts any, including none
 * @param maxBytes the largest response body accepted, after content decoding
 * @param timeout the time the whole fetch may take, redirects and body included
 * @param maxRedirects how many redirects to follow; 0 returns a redirect as the response
 */
public record FetchRequest(
        URI url,
        Method method,
        Map<String, String> headers,
        byte[] body,
        List<String> acceptedContentTypes,
        long maxBytes,
        Duration timeout,
        int maxRedirects) {

    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    public static final int DEFAULT_MAX_REDIRECTS = 5;

    private static final Set<String> CLIENT_HEADERS =
            Set.of("host", "content-length", "connection", "transfer-encoding");

    public enum Method {
        GET,
        HEAD,
        POST,
        PUT,
        PATCH,
        DELETE
    }

    public FetchRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(timeout, "timeout");
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((name, value) -> copy.put(checkedName(name), checkedValue(name, value)));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? null : body.clone();
        acceptedContentTypes = acceptedContentTypes.stream()
                .map(type -> type.trim().toLowerCase(Locale.ROOT))
                .toList();
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative");
        }
    }

    /** A GET of {@code url} with the default limits: 5 MiB, 20 seconds, 5 redirects, any content type. */
    public static FetchRequest get(URI url) {
        return new FetchRequest(
                url, Method.GET, Map.of(), null, List.of(), DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, DEFAULT_MAX_REDIRECTS);
    }

    /**
     * A GET of a URL given as text, as users type it.
     *
     * @throws FetchException with {@link FetchException.Reason#INVALID_URL} when the text is not a URL
     */
    public static FetchRequest get(String url) {
        try {
            return get(new URI(url.trim()));
        } catch (URISyntaxException e) {
            throw new FetchException(FetchException.Reason.INVALID_URL, null, "Not a valid URL");
        }
    }

    /** A POST of {@code body} as {@code contentType}, such as a webhook delivery, with the default limits. */
    public static FetchRequest post(URI url, String contentType, byte[] body) {
        return get(url).withMethod(Method.POST)
                .withHeader("Content-Type", contentType)
                .withBody(body);
    }

    public FetchRequest withMethod(Method method) {
        return new FetchRequest(url, method, headers, body, acceptedContentTypes, maxBytes, timeout, maxRedirects);
    }

    /** Adds a header, replacing one of the same name in any case. */
    public FetchRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        more.put(name, value);
        return new FetchRequest(url, method, more, body, acceptedContentTypes, maxBytes, timeout, maxRedirects);
    }

    public FetchRequest withBody(byte[] body) {
        return new FetchRequest(url, method, headers, body, acceptedContentTypes, maxBytes, timeout, maxRedirects);
    }

    public FetchRequest withAcceptedContentTypes(String... mediaTypes) {
        return new FetchRequest(url, method, headers, body, List.of(mediaTypes), maxBytes, timeout, maxRedirects);
    }

    public FetchRequest withMaxBytes(long maxBytes) {
        return new FetchRequest(url, method, headers, body, acceptedContentTypes, maxBytes, timeout, maxRedirects);
    }

    public FetchRequest withTimeout(Duration timeout) {
        return new FetchRequest(url, method, headers, body, acceptedContentTypes, maxBytes, timeout, maxRedirects);
    }

    public FetchRequest withMaxRedirects(int maxRedirects) {
        return new FetchRequest(url, method, headers, body, acceptedContentTypes, maxBytes, timeout, maxRedirects);
    }

    /**
     * Whether a response of this media type is accepted: any when none are listed; otherwise one listed type matches
     * exactly or by wildcard ({@code text/*}, {@code *}{@code /*}). Parameters such as {@code charset} are ignored.
     *
     * @param mediaType the response's media type, or {@code null} when it declared none
     */
    public boolean accepts(String mediaType) {
        if (acceptedContentTypes.isEmpty()) {
            return true;
        }
        if (mediaType == null) {
            return false;
        }
        String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (String accepted : acceptedContentTypes) {
            String pattern = accepted.split(";", 2)[0].trim();
            if (pattern.equals("*/*") || pattern.equals(type)) {
                return true;
            }
            if (pattern.endsWith("/*") && type.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Leaves headers and body out: they may carry signatures or secrets. */
    @Override
    public String toString() {
        return "FetchRequest[" + method + " " + url.getScheme() + "://" + url.getRawAuthority() + "]";
    }

    private static String checkedName(String name) {
        if (name == null || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw new IllegalArgumentException("Not a header name: " + name);
        }
        if (CLIENT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("The client sets the " + name + " header");
        }
        return name;
    }

    private static String checkedValue(String name, String value) {
        if (value == null || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("Not a valid value for header " + name);
        }
        return value;
    }
}
