package dev.parley.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Caller;
import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RateLimitServiceTests {

    final Caller caller =
            new Caller("store_x", Mode.LIVE, "key_x", Caller.KeyKind.SECRET, Set.of(Scope.SETTINGS_READ), 100, null);

    @Test
    void admitsEverythingWithoutHeadersWhenTheOperatorSwitchesLimitsOff() throws Exception {
        RateLimitService service = service(false, List.of());

        for (int i = 0; i < 100; i++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            assertThat(service.admit(caller, request("GET", "/v1/stores/store_x"), response))
                    .isTrue();
            assertThat(response.getHeader("X-RateLimit-Limit")).isNull();
        }
    }

    @Test
    void showsTheStarterPlansHourlyQuotaOnReadsAndThePerMinuteLimitOnCreations() throws Exception {
        Caller starter = new Caller(
                "store_s", Mode.LIVE, "key_s", Caller.KeyKind.SECRET, Set.of(Scope.SETTINGS_READ), 1000, null);
        RateLimitService service = service(true, List.of());
        MockHttpServletResponse read = new MockHttpServletResponse();
        MockHttpServletResponse create = new MockHttpServletResponse();
        long now = Clock.systemUTC().instant().getEpochSecond();

        service.admit(starter, request("GET", "/v1/stores/store_s"), read);
        service.admit(starter, request("POST", "/v1/conversations"), create);

        // Reads: 1000 a minute and 1000 an hour, 999 left of each: the hour's comes back last.
        assertThat(read.getHeader("X-RateLimit-Limit")).isEqualTo("1000");
        assertThat(read.getHeader("X-RateLimit-Remaining")).isEqualTo("999");
        assertThat(Long.parseLong(read.getHeader("X-RateLimit-Reset"))).isGreaterThanOrEqualTo(now + 3600);
        // Creations: 99 left of 100 a minute is tighter than 998 of the hour's 1000.
        assertThat(create.getHeader("X-RateLimit-Limit")).isEqualTo("100");
        assertThat(create.getHeader("X-RateLimit-Remaining")).isEqualTo("99");
    }

    @Test
    void showsTheBurstOnceItIsSpent() throws Exception {
        RateLimitService service = service(true, List.of());
        MockHttpServletResponse last = null;

        for (int i = 0; i < 20; i++) {
            last = new MockHttpServletResponse();
            service.admit(caller, request("GET", "/v1/stores/store_x"), last);
        }

        assertThat(last.getHeader("X-RateLimit-Limit")).isEqualTo("20");
        assertThat(last.getHeader("X-RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void classifiesEndpointsAsSeed001sTableDoes() {
        assertThat(RateLimitService.classify(request("POST", "/v1/conversations")))
                .isEqualTo(RateLimitService.EndpointClass.CONVERSATION_CREATE);
        assertThat(RateLimitService.classify(request("POST", "/v1/conversations/conv_1/messages")))
                .isEqualTo(RateLimitService.EndpointClass.MESSAGE_SEND);
        assertThat(RateLimitService.classify(request("POST", "/v1/webhooks/shopify/orders")))
                .isEqualTo(RateLimitService.EndpointClass.WEBHOOK);
        assertThat(RateLimitService.classify(request("GET", "/v1/conversations")))
                .isEqualTo(RateLimitService.EndpointClass.READ);
        assertThat(RateLimitService.classify(request("PATCH", "/v1/stores/store_x")))
                .isEqualTo(RateLimitService.EndpointClass.WRITE);
    }

    @Test
    void createsAtMostTenSessionsAMinuteFromOneAddressWhateverTheKey() throws Exception {
        org.springframework.context.support.StaticMessageSource messages =
                new org.springframework.context.support.StaticMessageSource();
        messages.setUseCodeAsDefaultMessage(true);
        RateLimitService service = new RateLimitService(
                properties(true, List.of()),
                new LocalRateWindows(Clock.systemUTC()),
                Clock.systemUTC(),
                new ErrorResponder(
                        messages,
                        tools.jackson.databind.json.JsonMapper.builder().build()));
        Caller other =
                new Caller("store_y", Mode.LIVE, "key_y", Caller.KeyKind.SECRET, Set.of(Scope.SETTINGS_READ), 0, null);

        for (int i = 0; i < 10; i++) {
            MockHttpServletResponse created = new MockHttpServletResponse();
            assertThat(service.admit(i % 2 == 0 ? caller : other, request("POST", "/v1/sessions"), created))
                    .isTrue();
            assertThat(created.getHeader("X-RateLimit-Limit")).isEqualTo("10");
            assertThat(created.getHeader("X-RateLimit-Remaining")).isEqualTo(Integer.toString(9 - i));
        }
        MockHttpServletResponse refused = new MockHttpServletResponse();
        assertThat(service.admit(other, request("POST", "/v1/sessions"), refused))
                .isFalse();
        MockHttpServletRequest elsewhere = request("POST", "/v1/sessions");
        elsewhere.setRemoteAddr("192.0.2.7");
        MockHttpServletResponse fromElsewhere = new MockHttpServletResponse();
        MockHttpServletResponse read = new MockHttpServletResponse();

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentAsString()).contains("\"rate_limited\"").contains("\"session_ip\"");
        assertThat(refused.getHeader("Retry-After")).isNotNull();
        assertThat(service.admit(other, elsewhere, fromElsewhere)).isTrue();
        assertThat(service.admit(other, request("GET", "/v1/sessions/ses_1"), read))
                .isTrue();
    }

    @Test
    void believesForwardedForOnlyFromTrustedProxies() {
        RateLimitService service = service(true, List.of("10.0.0.0/8", "::1/128"));
        MockHttpServletRequest viaProxy = request("GET", "/v1/stores");
        viaProxy.setRemoteAddr("10.1.2.3");
        viaProxy.addHeader("X-Forwarded-For", "198.51.100.9, 10.0.0.7");
        MockHttpServletRequest direct = request("GET", "/v1/stores");
        direct.setRemoteAddr("192.0.2.44");
        direct.addHeader("X-Forwarded-For", "198.51.100.9");

        assertThat(service.clientAddress(viaProxy)).isEqualTo("198.51.100.9");
        assertThat(service.clientAddress(direct)).isEqualTo("192.0.2.44");
    }

    @Test
    void matchesAddressRanges() {
        AddressPolicy.Range loopback = AddressPolicy.Range.parse("127.0.0.0/8");
        AddressPolicy.Range ipv6 = AddressPolicy.Range.parse("fd00::/8");

        assertThat(loopback.contains(AddressPolicy.literal("127.1.2.3").getAddress()))
                .isTrue();
        assertThat(loopback.contains(AddressPolicy.literal("128.0.0.1").getAddress()))
                .isFalse();
        assertThat(AddressPolicy.literal("not-an-ip.example")).isNull();
        assertThat(ipv6.contains(AddressPolicy.literal("fd12::1").getAddress())).isTrue();
        assertThat(ipv6.contains(AddressPolicy.literal("127.0.0.1").getAddress()))
                .isFalse();
    }

    private static RateLimitService service(boolean enabled, List<String> proxies) {
        return new RateLimitService(
                properties(enabled, proxies), new LocalRateWindows(Clock.systemUTC()), Clock.systemUTC(), null);
    }

    /** The production defaults ({@code PlatformProperties.RateLimits}' {@code @DefaultValue}s). */
    private static PlatformProperties properties(boolean enabled, List<String> proxies) {
        return new PlatformProperties(
                org.springframework.util.unit.DataSize.ofMegabytes(1),
                proxies,
                Duration.ofHours(24),
                Duration.ofMillis(500),
                new PlatformProperties.RateLimits(enabled, 20, 100, 300, 1000, 500, 100, 600, 10),
                PlatformProperties.Fetch.defaults());
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr("127.0.0.1");
        return request;
    }
}
