package dev.parley.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.parley.platform.FetchException;
import dev.parley.platform.FetchException.Reason;
import dev.parley.platform.FetchRequest;
import dev.parley.platform.FetchResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * The fetcher against a test site on 127.0.0.2, which the operator's allow-list lets through. Every other target
 * here is loopback too, and must be refused before a connection is made: a trap socket on 127.0.0.1 checks that none
 * was.
 */
@Timeout(10)
class GuardedFetcherTests {

    HttpServer site;
    ServerSocket trap;
    HttpGuardedFetcher fetcher;
    final CountDownLatch release = new CountDownLatch(1);
    final Map<String, String> received = new ConcurrentHashMap<>();

    @BeforeEach
    void startTheTestSiteAndTheTrap() throws IOException {
        trap = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        site = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        site.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        site.createContext(
                "/page", exchange -> respond(exchange, 200, "text/html; charset=ISO-8859-1", "<h1>Caf\u00e9</h1>"));
        site.createContext("/image", exchange -> respond(exchange, 200, "image/png", "\u0089PNG"));
        site.createContext("/to-trap", redirect("http://127.0.0.1:" + trap.getLocalPort() + "/"));
        site.createContext("/to-ftp", redirect("ftp://127.0.0.2/file"));
        site.createContext("/loop", redirect("/loop"));
        site.createContext("/chain/", exchange -> {
            int step = Integer.parseInt(exchange.getRequestURI().getPath().substring("/chain/".length()));
            if (step < 3) {
                redirect("/chain/" + (step + 1)).handle(exchange);
            } else {
                respond(exchange, 200, "text/plain", "end of the chain");
            }
        });
        site.createContext("/large", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 2048);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[2048]);
            }
        });
        site.createContext("/endless", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0); // chunked, no Content-Length
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 4096; i++) {
                    out.write(new byte[4096]);
                }
            } catch (IOException e) {
                // The fetcher hung up, as it should.
            }
        });
        site.createContext("/slow", exchange -> {
            await();
            respond(exchange, 200, "text/plain", "too late");
        });
        site.createContext("/trickle", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 50 && release.getCount() > 0; i++) {
                    out.write('.');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // The fetcher hung up, as it should.
            }
        });
        site.createContext("/echo", exchange -> {
            received.put("method", exchange.getRequestMethod());
            received.put(
                    "signature", String.valueOf(exchange.getRequestHeaders().getFirst("X-Parley-Signature")));
            received.put(
                    "content-type", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            received.put(
                    "user-agent", String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
            received.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, 202, "application/json", "{\"ok\":true}");
        });
        site.start();
        fetcher = fetcherAllowing("127.0.0.2");
    }

    @AfterEach
    void stopEverything() throws IOException {
        release.countDown();
        fetcher.close();
        site.stop(0);
        trap.close();
    }

    @Test
    void fetchesFromAnAllowedTarget() {
        FetchResponse response = fetcher.fetch(FetchRequest.get(site("/page")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/html");
        assertThat(response.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(response.text()).isEqualTo("<h1>Caf\u00e9</h1>");
        assertThat(response.header("content-TYPE")).contains("text/html; charset=ISO-8859-1");
        assertThat(response.finalUrl()).isEqualTo(site("/page"));
        assertThat(response.redirects()).isEmpty();
    }

    @Test
    void followsRedirectsAndRecordsEachHop() {
        FetchResponse response = fetcher.fetch(FetchRequest.get(site("/chain/0")));

        assertThat(response.text()).isEqualTo("end of the chain");
        assertThat(response.finalUrl()).isEqualTo(site("/chain/3"));
        assertThat(response.redirects()).containsExactly(site("/chain/0"), site("/chain/1"), site("/chain/2"));
    }

    @Test
    void returnsTheRedirectItselfWhenAskedNotToFollow() {
        FetchResponse response =
                fetcher.fetch(FetchRequest.get(site("/chain/0")).withMaxRedirects(0));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).contains("/chain/1");
    }

    @Test
    void refusesARedirectToABlockedAddressWithoutConnecting() throws IOException {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(site("/to-trap"))))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BLOCKED_ADDRESS);
                    assertThat(e.url()).isEqualTo(URI.create("http://127.0.0.1:" + trap.getLocalPort() + "/"));
                });
        assertTheTrapWasNotConnectedTo();
    }

    @Test
    void refusesLocalhostAfterResolvingItWithoutConnecting() throws IOException {
        URI localhost = URI.create("http://localhost:" + trap.getLocalPort() + "/");

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(localhost)))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BLOCKED_ADDRESS))
                .hasMessage("http://localhost:" + trap.getLocalPort() + " leads to an address that is not allowed");
        assertTheTrapWasNotConnectedTo();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "[::1]", "[::ffff:127.0.0.1]", "2130706433", "0.0.0.0"})
    void refusesLoopbackTargetsTheOperatorDidNotList(String host) throws IOException {
        URI target = URI.create("http://" + host + ":" + trap.getLocalPort() + "/admin");

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(target)))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BLOCKED_ADDRESS));
        assertTheTrapWasNotConnectedTo();
    }

    @Test
    void allowsAHostOnlyOnTheListedPort() throws IOException {
        HttpServer local = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        local.createContext("/", exchange -> respond(exchange, 200, "text/plain", "local"));
        local.start();
        try (HttpGuardedFetcher allowingLocalhost =
                fetcherAllowing("localhost:" + local.getAddress().getPort())) {

            FetchResponse response = allowingLocalhost.fetch(FetchRequest.get(
                    URI.create("http://localhost:" + local.getAddress().getPort() + "/")));
            assertThat(response.text()).isEqualTo("local");
            assertThatThrownBy(() -> allowingLocalhost.fetch(
                            FetchRequest.get(URI.create("http://localhost:" + trap.getLocalPort() + "/"))))
                    .isInstanceOfSatisfying(
                            FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BLOCKED_ADDRESS));
            assertTheTrapWasNotConnectedTo();
        } finally {
            local.stop(0);
        }
    }

    @Test
    void refusesABodyLargerThanTheLimitThatDeclaresItsLength() {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(site("/large")).withMaxBytes(1024)))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        assertThat(fetcher.fetch(FetchRequest.get(site("/large")).withMaxBytes(2048))
                        .body())
                .hasSize(2048);
    }

    @Test
    void stopsReadingABodyWithoutLengthOnceItPassesTheLimit() {
        assertThatThrownBy(
                        () -> fetcher.fetch(FetchRequest.get(site("/endless")).withMaxBytes(64 * 1024)))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    void refusesARedirectLoop() {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(site("/loop"))))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REDIRECT_LOOP));
    }

    @Test
    void refusesMoreRedirectsThanTheLimit() {
        assertThatThrownBy(
                        () -> fetcher.fetch(FetchRequest.get(site("/chain/0")).withMaxRedirects(2)))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_REDIRECTS));
    }

    @Test
    void givesUpOnASlowAnswer() {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(site("/slow")).withTimeout(Duration.ofMillis(500))))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    }

    @Test
    void givesUpOnABodyThatTricklesPastTheTotalTimeout() {
        assertThatThrownBy(
                        () -> fetcher.fetch(FetchRequest.get(site("/trickle")).withTimeout(Duration.ofMillis(500))))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    }

    @Test
    void refusesAContentTypeTheCallerDoesNotAccept() {
        FetchRequest htmlOnly = FetchRequest.get(site("/image")).withAcceptedContentTypes("text/html", "text/*");

        assertThatThrownBy(() -> fetcher.fetch(htmlOnly))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNACCEPTED_CONTENT_TYPE));
        assertThat(fetcher.fetch(FetchRequest.get(site("/page")).withAcceptedContentTypes("text/*"))
                        .status())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.2/file", "file:///etc/passwd", "gopher://127.0.0.2:70/"})
    void refusesSchemesOtherThanHttp(String url) {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(URI.create(url))))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SCHEME));
    }

    @Test
    void refusesARedirectToAnotherScheme() {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(site("/to-ftp"))))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SCHEME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/relative/path", "http://user:secret@127.0.0.2/", "http:opaque"})
    void refusesUrlsThatAreNotPlainAbsoluteHttp(String url) {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(url)))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_URL))
                .message()
                .doesNotContain("secret");
    }

    @Test
    void postsABodyWithItsHeaders() {
        FetchRequest delivery = FetchRequest.post(
                        site("/echo"), "application/json", "{\"event\":\"conversation.created\"}".getBytes())
                .withHeader("X-Parley-Signature", "sha256=abc");

        FetchResponse response = fetcher.fetch(delivery);

        assertThat(response.status()).isEqualTo(202);
        assertThat(received)
                .containsEntry("method", "POST")
                .containsEntry("signature", "sha256=abc")
                .containsEntry("content-type", "application/json")
                .containsEntry("user-agent", HttpGuardedFetcher.USER_AGENT)
                .containsEntry("body", "{\"event\":\"conversation.created\"}");
    }

    @Test
    void readsTheOperatorsAllowListAndDefaultsFromTheSettings() {
        Binder binder = new Binder(new MapConfigurationPropertySource(
                Map.of("parley.platform.fetch.allow", "127.0.0.2, intranet.example:8080,10.0.0.0/8")));

        PlatformProperties.Fetch settings =
                binder.bindOrCreate("parley.platform", PlatformProperties.class).fetch();

        assertThat(settings.allow()).containsExactly("127.0.0.2", "intranet.example:8080", "10.0.0.0/8");
        assertThat(settings)
                .usingRecursiveComparison()
                .ignoringFields("allow")
                .isEqualTo(PlatformProperties.Fetch.defaults());
        try (HttpGuardedFetcher configured = new HttpGuardedFetcher(settings)) {
            assertThat(configured.fetch(FetchRequest.get(site("/page"))).status())
                    .isEqualTo(200);
        }
    }

    private void assertTheTrapWasNotConnectedTo() throws IOException {
        // A connection would wait in the backlog, accepted or not.
        trap.setSoTimeout(100);
        assertThatThrownBy(trap::accept).isInstanceOf(SocketTimeoutException.class);
    }

    private static HttpGuardedFetcher fetcherAllowing(String... entries) {
        return new HttpGuardedFetcher(new PlatformProperties.Fetch(
                List.of(entries), Duration.ofSeconds(2), DataSize.ofMegabytes(50), Duration.ofSeconds(5), 10));
    }

    private URI site(String path) {
        return URI.create("http://127.0.0.2:" + site.getAddress().getPort() + path);
    }

    private void await() {
        try {
            release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpHandler redirect(String location) {
        return exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        };
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(
                contentType.contains("ISO-8859-1") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
