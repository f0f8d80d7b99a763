package dev.parley.platform.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.internal.RateWindows.Limit;
import dev.parley.platform.internal.RateWindows.Probe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Applies the rate limits to a request: the per-second burst and the endpoint-class limit per minute per key, session
 * creations per minute per client address (seed 004), the plan's hourly quota per workspace, and a per-IP limit per
 * minute for requests without a key. Each is a sliding
 * window, so no period ever admits more than its limit. Every response's {@code X-RateLimit-*} headers describe the
 * limit that will refuse the caller next; a refused request gets 429 with {@code Retry-After}, the seconds until the
 * limit that refused it admits a request again.
 */
@Component
class RateLimitService {

    /** The endpoint classes of seed 001's rate-limit table, plus one for the remaining writes. */
    enum EndpointClass {
        CONVERSATION_CREATE,
        MESSAGE_SEND,
        READ,
        WEBHOOK,
        WRITE
    }

    private static final String BURST = "burst";

    private final PlatformProperties.RateLimits config;
    private final RateWindows windows;
    private final Clock clock;
    private final List<AddressPolicy.Range> trustedProxies;
    private final ErrorResponder errors;

    RateLimitService(PlatformProperties properties, RateWindows windows, Clock clock, ErrorResponder errors) {
        this.errors = errors;
        this.config = properties.rateLimits();
        this.windows = windows;
        this.clock = clock;
        this.trustedProxies = properties.trustedProxies().stream()
                .map(AddressPolicy.Range::parse)
                .toList();
    }

    /** Limits a request without a valid key by its client address. Returns false when it was refused. */
    boolean admitAnonymous(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!config.enabled()) {
            return true;
        }
        Limit perIp = new Limit("ip", config.unauthenticatedPerIpPerMinute(), Duration.ofMinutes(1));
        Probe probe = windows.tryConsume("ip:" + clientAddress(request), perIp);
        return conclude(List.of(probe), request, response, ErrorCode.RATE_LIMITED);
    }

    /** Limits an authenticated request by its key, endpoint class and workspace. Returns false when refused. */
    boolean admit(Caller caller, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!config.enabled()) {
            return true;
        }
        List<Probe> probes = new ArrayList<>(3);
        Limit burst = new Limit(BURST, config.burstPerSecond(), Duration.ofSeconds(1));
        Probe burstProbe = windows.tryConsume("burst:" + caller.keyId(), burst);
        probes.add(burstProbe);
        if (!burstProbe.consumed()) {
            return conclude(probes, request, response, ErrorCode.RATE_LIMITED);
        }
        EndpointClass endpointClass = classify(request);
        Limit perClass = new Limit(
                endpointClass.name().toLowerCase(java.util.Locale.ROOT),
                perMinute(endpointClass),
                Duration.ofMinutes(1));
        Probe classProbe = windows.tryConsume(perClass.name() + ":" + caller.keyId(), perClass);
        probes.add(classProbe);
        if (!classProbe.consumed()) {
            return conclude(probes, request, response, ErrorCode.RATE_LIMITED);
        }
        if (createsSession(request)) {
            // Seed 004: "Session creation: 10 per minute per IP", whichever key the address uses.
            Limit perIp = new Limit("session_ip", config.sessionCreatePerIpPerMinute(), Duration.ofMinutes(1));
            Probe ipProbe = windows.tryConsume("session_ip:" + clientAddress(request), perIp);
            probes.add(ipProbe);
            if (!ipProbe.consumed()) {
                return conclude(probes, request, response, ErrorCode.RATE_LIMITED);
            }
        }
        if (caller.hourlyQuota() > 0) {
            Limit quota = new Limit("quota", caller.hourlyQuota(), Duration.ofHours(1));
            String key = "quota:" + caller.hourlyQuota() + ":" + caller.workspaceId() + ":"
                    + caller.mode().wire();
            Probe quotaProbe = windows.tryConsume(key, quota);
            probes.add(quotaProbe);
            if (!quotaProbe.consumed()) {
                return conclude(probes, request, response, ErrorCode.QUOTA_EXCEEDED);
            }
        }
        return conclude(probes, request, response, ErrorCode.RATE_LIMITED);
    }

    static EndpointClass classify(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return EndpointClass.READ;
        }
        if (path.startsWith("/v1/webhooks/shopify")
                || path.startsWith("/v1/webhooks/woocommerce")
                || path.startsWith("/v1/webhooks/gorgias")) {
            return EndpointClass.WEBHOOK;
        }
        if (method.equals("POST")) {
            if (path.equals("/v1/conversations") || path.equals("/v1/chat") || path.equals("/v1/sessions")) {
                return EndpointClass.CONVERSATION_CREATE;
            }
            if (path.matches("/v1/(conversations|chats)/[^/]+/messages")) {
                return EndpointClass.MESSAGE_SEND;
            }
        }
        return EndpointClass.WRITE;
    }

    static boolean createsSession(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getMethod().equals("POST") && (path.equals("/v1/sessions") || path.equals("/v1/sessions/"));
    }

    private long perMinute(EndpointClass endpointClass) {
        return switch (endpointClass) {
            case CONVERSATION_CREATE -> config.conversationCreatePerMinute();
            case MESSAGE_SEND -> config.messageSendPerMinute();
            case READ -> config.readPerMinute();
            case WEBHOOK -> config.webhookPerMinute();
            case WRITE -> config.writePerMinute();
        };
    }

    private boolean conclude(
            List<Probe> probes, HttpServletRequest request, HttpServletResponse response, ErrorCode refusal)
            throws IOException {
        Probe refused = probes.stream().filter(p -> !p.consumed()).findFirst().orElse(null);
        Probe shown = refused != null ? refused : nextToRefuse(probes);
        long nowSeconds = clock.instant().getEpochSecond();
        response.setHeader("X-RateLimit-Limit", Long.toString(shown.limit().limit()));
        response.setHeader("X-RateLimit-Remaining", Long.toString(shown.remaining()));
        response.setHeader("X-RateLimit-Reset", Long.toString(nowSeconds + ceilSeconds(shown.millisUntilClear())));
        if (refused == null) {
            return true;
        }
        long retryAfter = Math.max(1, ceilSeconds(refused.millisUntilNext()));
        response.setHeader("Retry-After", Long.toString(retryAfter));
        Map<String, Object> details = Map.of(
                "limit", refused.limit().limit(), "window", refused.limit().name(), "retry_after", retryAfter);
        ApiException failure = refusal == ErrorCode.QUOTA_EXCEEDED
                ? new ApiException(refusal, null, details, refused.limit().limit(), retryAfter)
                : new ApiException(refusal, null, details, retryAfter);
        errors.write(request, response, failure);
        return false;
    }

    /**
     * The limit that will refuse the caller next: the one with the fewest requests left, and of equals the one with
     * the longest period (it takes longest to come back). The per-second burst is back within the second, so it is
     * shown only once it is spent.
     */
    static Probe nextToRefuse(List<Probe> admitted) {
        List<Probe> candidates = admitted.stream()
                .filter(p -> !p.limit().name().equals(BURST) || p.remaining() == 0)
                .toList();
        return (candidates.isEmpty() ? admitted : candidates)
                .stream()
                        .min(Comparator.comparingLong(Probe::remaining)
                                .thenComparing(p -> p.limit().period(), Comparator.reverseOrder()))
                        .orElseThrow();
    }

    private static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }

    /** The client's address: the peer, or the last untrusted hop of {@code X-Forwarded-For} behind our proxies. */
    String clientAddress(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (trustedProxies.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return hops[0].trim();
    }

    private boolean isTrusted(String address) {
        InetAddress literal = AddressPolicy.literal(address);
        return literal != null && trustedProxies.stream().anyMatch(range -> range.contains(literal.getAddress()));
    }
}
