package dev.parley.console;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A browser-like client of the console without a browser: one cookie, redirects not followed, forms posted. */
final class ConsoleHttp {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"");
    private static final Pattern LOGIN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9]+)\"");

    private final String base;
    String cookie;

    ConsoleHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Signs in as a browser does (the sign-in page first, for its CSRF cookie and token) and keeps the session
     * cookie; returns the sign-in response.
     */
    HttpResponse<String> signIn(String email, String password) throws Exception {
        String session = cookie;
        cookie = null;
        HttpResponse<String> form = get("/console/login");
        Matcher token = LOGIN_CSRF.matcher(form.body());
        if (!token.find()) {
            throw new AssertionError("no CSRF token on the sign-in page");
        }
        cookie = form.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("parley_login="))
                .map(c -> c.split(";", 2)[0])
                .findFirst()
                .orElseThrow();
        HttpResponse<String> response =
                post("/console/login", Map.of("email", email, "password", password, "_csrf", token.group(1)));
        cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("parley_console="))
                .map(c -> c.split(";", 2)[0])
                .findFirst()
                .orElse(session);
        return response;
    }

    String csrf() throws Exception {
        Matcher m = CSRF.matcher(get("/console").body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the inbox page");
        }
        return m.group(1);
    }

    HttpResponse<String> act(String path, Map<String, String> form) throws Exception {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", csrf());
        return post(path, withToken);
    }

    /** Opens the console's event stream ({@code /console/events}) with this client's cookie. */
    EventStream events() {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + "/console/events")).header("Accept", "text/event-stream");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return new EventStream(HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .orTimeout(15, TimeUnit.SECONDS)
                .join());
    }

    /** A server-sent event stream read as it arrives: the data of each event, and whether the server ended it. */
    static final class EventStream implements AutoCloseable {

        private final HttpResponse<Stream<String>> response;
        private final BlockingQueue<String> data = new LinkedBlockingQueue<>();
        private final CompletableFuture<Void> ended = new CompletableFuture<>();

        EventStream(HttpResponse<Stream<String>> response) {
            this.response = response;
            Thread.ofVirtual().start(() -> {
                try (Stream<String> lines = response.body()) {
                    lines.filter(line -> line.startsWith("data:"))
                            .forEach(line -> data.add(line.substring(5).strip()));
                } catch (RuntimeException closed) {
                    // the test closed the stream
                } finally {
                    ended.complete(null);
                }
            });
        }

        int status() {
            return response.statusCode();
        }

        /** The data of the next event matching, passing over others. */
        String next(Predicate<String> matching) throws InterruptedException {
            while (true) {
                String next = data.poll(15, TimeUnit.SECONDS);
                if (next == null) {
                    throw new AssertionError("No matching event within 15 s");
                }
                if (matching.test(next)) {
                    return next;
                }
            }
        }

        /** The data of the events left once the server ends the stream, waiting for it to end. */
        List<String> untilEnd() {
            ended.orTimeout(15, TimeUnit.SECONDS).join();
            List<String> rest = new ArrayList<>();
            data.drainTo(rest);
            return rest;
        }

        @Override
        public void close() {
            response.body().close();
        }
    }
}
