package dev.parley.knowledge.internal.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One spelling per page: resolves links the way browsers do (RFC 3986) and normalizes them so the crawler visits
 * each page once. Never throws; anything it cannot make sense of is {@link Optional#empty()}.
 */
public final class UrlNormalizer {

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Set<String> TRACKING_PARAMETERS =
            Set.of("gclid", "fbclid", "mc_cid", "mc_eid", "ref", "_hsenc", "_hsmi");

    private UrlNormalizer() {}

    /**
     * Resolves {@code href} against {@code base} (which may be null when {@code href} is absolute) and normalizes
     * it: http(s) only, lowercase scheme and host, no default port, no user info, no fragment, no tracking
     * parameters, no dot segments, {@code /} for an empty path.
     */
    public static Optional<URI> normalize(URI base, String href) {
        if (href == null) {
            return Optional.empty();
        }
        try {
            // Browsers drop tabs and newlines anywhere in a URL and surrounding spaces.
            String cleaned = href.replaceAll("[\\t\\n\\r]", "").strip();
            int hash = cleaned.indexOf('#');
            if (hash >= 0) {
                cleaned = cleaned.substring(0, hash);
            }
            if (cleaned.isEmpty() && base == null) {
                return Optional.empty();
            }
            var scheme = SCHEME.matcher(cleaned);
            if (scheme.find() && !isHttp(scheme.group(1))) {
                return Optional.empty();
            }
            URI reference = new URI(escape(cleaned));
            URI resolved = reference.isAbsolute() ? reference : resolve(base, reference);
            return resolved == null ? Optional.empty() : normalized(resolved);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether both addresses are on the same host, counting {@code www.example.com} as {@code example.com}. */
    public static boolean sameSite(URI a, URI b) {
        if (a == null || b == null || a.getHost() == null || b.getHost() == null) {
            return false;
        }
        return withoutWww(a.getHost()).equals(withoutWww(b.getHost()));
    }

    private static String withoutWww(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("www.") ? lower.substring(4) : lower;
    }

    private static boolean isHttp(String scheme) {
        return scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
    }

    /** RFC 3986 section 5.2.2; {@link URI#resolve} follows RFC 2396 and gets query-only references wrong. */
    private static URI resolve(URI base, URI reference) throws URISyntaxException {
        if (base == null || !base.isAbsolute() || base.getRawAuthority() == null || !isHttp(base.getScheme())) {
            return null;
        }
        String authority;
        String path;
        String query;
        String refPath = reference.getRawPath() == null ? "" : reference.getRawPath();
        if (reference.getRawAuthority() != null) {
            authority = reference.getRawAuthority();
            path = removeDotSegments(refPath);
            query = reference.getRawQuery();
        } else {
            authority = base.getRawAuthority();
            if (refPath.isEmpty()) {
                path = base.getRawPath();
                query = reference.getRawQuery() != null ? reference.getRawQuery() : base.getRawQuery();
            } else {
                path = removeDotSegments(refPath.startsWith("/") ? refPath : merge(base, refPath));
                query = reference.getRawQuery();
            }
        }
        return new URI(base.getScheme() + "://" + authority + path + (query == null ? "" : "?" + query));
    }

    private static String merge(URI base, String relativePath) {
        String basePath = base.getRawPath();
        if (basePath == null || basePath.isEmpty()) {
            return "/" + relativePath;
        }
        return basePath.substring(0, basePath.lastIndexOf('/') + 1) + relativePath;
    }

    private static Optional<URI> normalized(URI uri) throws URISyntaxException {
        if (!isHttp(uri.getScheme()) || uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = normalizePercentEncoding(removeDotSegments(uri.getRawPath() == null ? "" : uri.getRawPath()));
        if (path.isEmpty()) {
            path = "/";
        }
        String query = withoutTracking(uri.getRawQuery());
        StringBuilder out = new StringBuilder(scheme).append("://").append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(path);
        if (query != null) {
            out.append('?').append(query);
        }
        return Optional.of(new URI(out.toString()));
    }

    private static String withoutTracking(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals)).toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING_PARAMETERS.contains(name)) {
                kept.add(parameter);
            }
        }
        return kept.isEmpty() ? null : String.join("&", kept);
    }

    /** RFC 3986 section 5.2.4. */
    static String removeDotSegments(String path) {
        if (!path.contains(".")) {
            return path;
        }
        String input = path;
        StringBuilder output = new StringBuilder();
        while (!input.isEmpty()) {
            if (input.startsWith("../")) {
                input = input.substring(3);
            } else if (input.startsWith("./")) {
                input = input.substring(2);
            } else if (input.startsWith("/./")) {
                input = input.substring(2);
            } else if (input.equals("/.")) {
                input = "/";
            } else if (input.startsWith("/../")) {
                input = input.substring(3);
                removeLastSegment(output);
            } else if (input.equals("/..")) {
                input = "/";
                removeLastSegment(output);
            } else if (input.equals(".") || input.equals("..")) {
                input = "";
            } else {
                int next = input.indexOf('/', input.startsWith("/") ? 1 : 0);
                String segment = next < 0 ? input : input.substring(0, next);
                output.append(segment);
                input = next < 0 ? "" : input.substring(next);
            }
        }
        return output.toString();
    }

    private static void removeLastSegment(StringBuilder output) {
        int slash = output.lastIndexOf("/");
        output.setLength(Math.max(slash, 0));
    }

    /** Uppercases percent escapes and decodes those of unreserved characters (RFC 3986 section 6.2.2). */
    private static String normalizePercentEncoding(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length() && isHex(path.charAt(i + 1)) && isHex(path.charAt(i + 2))) {
                int value = Integer.parseInt(path.substring(i + 1, i + 3), 16);
                if (isUnreserved((char) value)) {
                    out.append((char) value);
                } else {
                    out.append('%').append(path.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Percent-encodes what pages put in links but {@link URI} refuses: spaces, non-ASCII, stray percent signs. */
    static String escape(String href) {
        StringBuilder out = new StringBuilder(href.length());
        byte[] bytes = href.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            char c = (char) b;
            if (c == '%' && i + 2 < bytes.length && isHex((char) bytes[i + 1]) && isHex((char) bytes[i + 2])) {
                out.append(c);
            } else if (b < 0x21 || b > 0x7e || "\"%<>\\^`{|}".indexOf(c) >= 0) {
                out.append('%').append(String.format("%02X", b));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0;
    }
}
