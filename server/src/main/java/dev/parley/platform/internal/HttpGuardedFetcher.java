package dev.parley.platform.internal;

import dev.parley.platform.FetchException;
import dev.parley.platform.FetchException.Reason;
import dev.parley.platform.FetchRequest;
import dev.parley.platform.FetchRequest.Method;
import dev.parley.platform.FetchResponse;
import dev.parley.platform.GuardedFetcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The guarded fetcher on Apache HttpClient 5. Host names are resolved by a resolver that refuses blocked addresses
 * and hands the client only the addresses it checked, so nothing can change between the check and the connection;
 * IP literals are checked before a request is sent. Redirects are followed here, each hop checked like the first.
 */
final class HttpGuardedFetcher implements GuardedFetcher, AutoCloseable {

    static final String USER_AGENT = "ParleyBot/0.1 (+https://github.com/parley)";

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "cookie", "proxy-authorization");
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");

    private final long maxBytes;
    private final Duration maxTimeout;
    private final int maxRedirects;
    private final AddressPolicy policy;
    private final CloseableHttpClient client;
    private final ScheduledThreadPoolExecutor alarms;

    HttpGuardedFetcher(PlatformProperties.Fetch settings) {
        this.maxBytes = settings.maxBytes().toBytes();
        this.maxTimeout = settings.maxTimeout();
        this.maxRedirects = settings.maxRedirects();
        this.policy = AddressPolicy.allowing(settings.allow());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedResolver(policy))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                // A kept-alive connection the other side closed meanwhile is checked before
                                // reuse, so a POST (never retried) does not fail on a dead socket.
                                .setValidateAfterInactivity(org.apache.hc.core5.util.TimeValue.ofMilliseconds(100))
                                .build())
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(8)
                        .build())
                // No proxy, whatever the system properties say: a proxy would resolve names where we cannot check.
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(USER_AGENT)
                .evictIdleConnections(Timeout.ofMinutes(1))
                .build();
        this.alarms = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().daemon().name("parley-fetch-alarm").factory());
        this.alarms.setRemoveOnCancelPolicy(true);
    }

    @Override
    public FetchResponse fetch(FetchRequest request) {
        Duration timeout = min(request.timeout(), maxTimeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        long byteLimit = Math.min(request.maxBytes(), maxBytes);
        int redirectLimit = Math.min(request.maxRedirects(), maxRedirects);

        URI url = checked(request.url());
        Method method = request.method();
        Map<String, String> headers = request.headers();
        byte[] body = request.body();
        List<URI> redirects = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(key(url));
        while (true) {
            Hop hop = send(url, method, headers, body, deadline, timeout);
            try (hop) {
                URI next = redirectLimit == 0 ? null : hop.redirectTarget(url);
                if (next == null) {
                    return hop.read(url, request, byteLimit, redirects, deadline, timeout);
                }
                if (!seen.add(key(next))) {
                    throw new FetchException(Reason.REDIRECT_LOOP, next, origin(url) + " redirects in a loop");
                }
                if (redirects.size() == redirectLimit) {
                    throw new FetchException(
                            Reason.TOO_MANY_REDIRECTS,
                            next,
                            origin(request.url()) + " redirected more than " + redirectLimit + " times");
                }
                redirects.add(url);
                int status = hop.response.getCode();
                if ((status == 303 && method != Method.HEAD)
                        || ((status == 301 || status == 302) && method == Method.POST)) {
                    method = Method.GET;
                    body = null;
                    headers = without(headers, Set.of("content-type"));
                }
                if (!sameOrigin(url, next)) {
                    headers = without(headers, CREDENTIAL_HEADERS);
                }
                url = next;
            }
        }
    }

    /** Sends one request; refuses an IP literal that is not allowed before anything is sent. */
    private Hop send(
            URI url, Method method, Map<String, String> headers, byte[] body, long deadline, Duration timeout) {
        InetAddress literal = AddressPolicy.literal(url.getHost());
        if (literal != null && !policy.permits(url.getHost(), port(url), literal)) {
            throw blocked(url);
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw timedOut(url, timeout, null);
        }
        // At least a millisecond: HttpClient reads a zero timeout as none at all.
        Timeout left = Timeout.ofMilliseconds(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
        HttpUriRequestBase http = new HttpUriRequestBase(method.name(), url);
        headers.forEach(http::addHeader);
        if (body != null) {
            http.setEntity(new ByteArrayEntity(body, null));
        }
        http.setConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(left)
                .setResponseTimeout(left)
                .setHardCancellationEnabled(true)
                .build());
        // The response timeout bounds each read; the alarm bounds the whole exchange, however slowly bytes trickle.
        ScheduledFuture<?> alarm = alarms.schedule(http::cancel, remaining, TimeUnit.NANOSECONDS);
        try {
            return new Hop(http, client.executeOpen(null, http, HttpClientContext.create()), alarm);
        } catch (IOException e) {
            alarm.cancel(false);
            throw switch (e) {
                case RefusedAddressException refused -> blocked(url);
                case UnknownHostException unknown ->
                    new FetchException(
                            Reason.UNRESOLVABLE_HOST, url, "The host " + url.getHost() + " could not be resolved", e);
                default -> failure(url, e, deadline, timeout);
            };
        }
    }

    /** One response on its way in; closing it gives its connection back, or drops it if the body was not read. */
    private record Hop(HttpUriRequestBase http, ClassicHttpResponse response, ScheduledFuture<?> alarm)
            implements AutoCloseable {

        URI redirectTarget(URI url) {
            Header location = response.getFirstHeader("Location");
            if (!REDIRECTS.contains(response.getCode()) || location == null) {
                return null;
            }
            try {
                return checked(url.resolve(location.getValue().trim()));
            } catch (IllegalArgumentException e) {
                throw new FetchException(Reason.INVALID_URL, url, origin(url) + " redirected to an invalid URL");
            }
        }

        FetchResponse read(
                URI url, FetchRequest request, long byteLimit, List<URI> redirects, long deadline, Duration timeout) {
            Header typeHeader = response.getFirstHeader("Content-Type");
            String type = typeHeader == null ? null : typeHeader.getValue();
            String mediaType =
                    type == null ? null : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            int status = response.getCode();
            if (status >= 200 && status < 300 && !request.accepts(mediaType)) {
                throw new FetchException(
                        Reason.UNACCEPTED_CONTENT_TYPE,
                        url,
                        origin(url) + " answered with content type " + (mediaType == null ? "(none)" : mediaType)
                                + ", not one of " + request.acceptedContentTypes());
            }
            byte[] body = body(url, byteLimit, deadline, timeout);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Header header : response.getHeaders()) {
                headers.computeIfAbsent(header.getName(), name -> new ArrayList<>())
                        .add(header.getValue());
            }
            return new FetchResponse(url, status, headers, mediaType, charset(type), body, redirects);
        }

        private byte[] body(URI url, long byteLimit, long deadline, Duration timeout) {
            HttpEntity entity = response.getEntity();
            if (entity == null) {
                return new byte[0];
            }
            long declared = entity.getContentLength();
            if (declared > byteLimit) {
                throw tooLarge(url, byteLimit);
            }
            // Grows with what arrives: a declared length alone reserves no more than 64 KiB.
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.clamp(declared, 8192, 64 * 1024));
            try (InputStream in = entity.getContent()) {
                byte[] buffer = new byte[8192];
                long total = 0;
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    total += n;
                    if (total > byteLimit) {
                        throw tooLarge(url, byteLimit);
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                http.cancel();
                throw failure(url, e, deadline, timeout);
            }
            return out.toByteArray();
        }

        private FetchException tooLarge(URI url, long byteLimit) {
            http.cancel();
            return new FetchException(
                    Reason.TOO_LARGE,
                    url,
                    "The response of " + origin(url) + " is larger than " + byteLimit + " bytes");
        }

        @Override
        public void close() {
            alarm.cancel(false);
            // A body read to its end has already given the connection back; any other is dropped, not drained.
            http.cancel();
            try {
                response.close();
            } catch (IOException e) {
                // The connection is gone either way.
            }
        }
    }

    /** Checks what a URL can say before anything is resolved, and drops its fragment. */
    /** The URL without its fragment, if it is an absolute http(s) URL with a host and no credentials. */
    static URI checked(URI url) {
        String scheme = url.getScheme() == null ? null : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null) {
            throw new FetchException(Reason.INVALID_URL, url, "Not an absolute URL");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(Reason.BAD_SCHEME, url, "Only http and https URLs can be fetched, not " + scheme);
        }
        if (url.getRawUserInfo() != null) {
            throw new FetchException(Reason.INVALID_URL, null, "URLs with credentials are not fetched");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new FetchException(Reason.INVALID_URL, url, "The URL has no valid host");
        }
        if (url.getPort() == 0 || url.getPort() > 65535) {
            throw new FetchException(Reason.INVALID_URL, url, "The URL's port is out of range");
        }
        String text = url.toString();
        return text.indexOf('#') < 0 ? url : URI.create(text.substring(0, text.indexOf('#')));
    }

    private static FetchException blocked(URI url) {
        return new FetchException(
                Reason.BLOCKED_ADDRESS, url, origin(url) + " leads to an address that is not allowed");
    }

    private static FetchException failure(URI url, IOException e, long deadline, Duration timeout) {
        if (e instanceof SocketTimeoutException
                || e instanceof ConnectTimeoutException
                || System.nanoTime() - deadline >= 0) {
            return timedOut(url, timeout, e);
        }
        return new FetchException(Reason.CONNECTION_FAILED, url, "The connection to " + origin(url) + " failed", e);
    }

    private static FetchException timedOut(URI url, Duration timeout, Exception cause) {
        return new FetchException(
                Reason.TIMEOUT, url, origin(url) + " did not answer within " + timeout.toMillis() + " ms", cause);
    }

    private static Charset charset(String contentType) {
        Matcher matcher = contentType == null ? null : CHARSET.matcher(contentType);
        if (matcher == null || !matcher.find()) {
            return null;
        }
        try {
            return Charset.forName(matcher.group(1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** What the user gave and may see again: scheme, host and port, without path, query or credentials. */
    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }

    static int port(URI url) {
        return url.getPort() != -1 ? url.getPort() : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    /** Identifies a URL for loop detection, whatever case or default port it is written with. */
    private static String key(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + AddressPolicy.normalizedHost(url.getHost()) + ":"
                + port(url) + (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    }

    private static Map<String, String> without(Map<String, String> headers, Set<String> names) {
        Map<String, String> kept = new LinkedHashMap<>(headers);
        kept.keySet().removeIf(name -> names.contains(name.toLowerCase(Locale.ROOT)));
        return kept;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        alarms.shutdownNow();
        client.close(CloseMode.GRACEFUL);
    }

    /** Resolves names and refuses the whole name if any of its addresses is not allowed. */
    private record GuardedResolver(AddressPolicy policy) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return lookUp(host, AddressPolicy.ANY_PORT);
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return Arrays.stream(lookUp(host, port))
                    .map(address -> new InetSocketAddress(address, port))
                    .toList();
        }

        private InetAddress[] lookUp(String host, int port) throws UnknownHostException {
            InetAddress literal = AddressPolicy.literal(host);
            InetAddress[] addresses = literal != null ? new InetAddress[] {literal} : InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!policy.permits(host, port, address)) {
                    throw new RefusedAddressException(host);
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    /** A name that resolved to a blocked address; an {@link UnknownHostException} so a resolver may throw it. */
    private static final class RefusedAddressException extends UnknownHostException {

        RefusedAddressException(String host) {
            super(host + " resolves to an address that is not allowed");
        }
    }
}
