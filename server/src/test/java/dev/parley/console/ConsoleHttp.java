package dev.parley.console;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like client of the console without a browser: one cookie, redirects not followed, forms posted. */
final class ConsoleHttp {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"");

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

    /** Signs in and keeps the session cookie; returns the sign-in response. */
    HttpResponse<String> signIn(String email, String password) throws Exception {
        HttpResponse<String> response = post("/console/login", Map.of("email", email, "password", password));
        response.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.split(";", 2)[0]);
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
}
