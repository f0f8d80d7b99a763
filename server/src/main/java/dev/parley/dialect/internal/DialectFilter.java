package dev.parley.dialect.internal;

import dev.parley.dialect.Dialect;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a seed's own endpoints in its dialect: reads the path as the client sent it (before the seed aliases are
 * resolved), renames the request's JSON for the canonical endpoint, and renames the JSON it answers (errors
 * included, wherever they were written) back. Every API request, canonical ones too, is read in every seed's
 * spelling: camelCase names as their snake_case ones, and a query parameter under any seed's name for it.
 */
class DialectFilter extends OncePerRequestFilter {

    /** Bodies larger than this are passed on as they are (the body limit refuses them later). */
    private static final int MAX_REWRITTEN = 1 << 20;

    private final SeedDialects dialects;
    private final JsonMapper json;

    DialectFilter(SeedDialects dialects, JsonMapper json) {
        this.dialects = dialects;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Dialect dialect = Dialect.of(path);
        if (dialect == Dialect.CANONICAL && !path.startsWith("/v1/") && !path.startsWith("/api/")
                || "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            // Pages, the console, the widget's files and socket upgrades: no JSON API, no spellings.
            chain.doFilter(request, response);
            return;
        }
        Map<String, String> spelled = new java.util.HashMap<>();
        HttpServletRequest read = new Parameters(renamedRequest(dialect, path, request, spelled));
        if (dialect == Dialect.CANONICAL && spelled.isEmpty()) {
            chain.doFilter(read, response);
            return;
        }
        ContentCachingResponseWrapper answered = new ContentCachingResponseWrapper(response);
        chain.doFilter(read, answered);
        byte[] body = answered.getContentAsByteArray();
        String type = answered.getContentType();
        boolean rewritten = dialect != Dialect.CANONICAL || answered.getStatus() == 400;
        if (rewritten
                && body.length > 0
                && type != null
                && type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            JsonNode tree;
            try {
                tree = json.readTree(body);
            } catch (JacksonException notJson) {
                tree = null;
            }
            if (tree != null) {
                JsonNode answer = dialect == Dialect.CANONICAL
                        ? SeedDialects.fieldAsSent(tree, spelled)
                        : dialects.response(dialect, path, answered.getStatus(), tree);
                answered.resetBuffer();
                answered.getOutputStream().write(json.writeValueAsBytes(answer));
            }
        }
        answered.copyBodyToResponse();
    }

    /**
     * The request with its JSON body as the endpoint reads it; {@code spelled} collects the canonical names of the
     * canonical API's fields the client spelled otherwise, so that an error naming one names it as the client wrote it.
     */
    private HttpServletRequest renamedRequest(
            Dialect dialect, String path, HttpServletRequest request, Map<String, String> spelled) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            return request;
        }
        long declared = request.getContentLengthLong();
        if (declared > MAX_REWRITTEN) {
            return request;
        }
        InputStream in = request.getInputStream();
        byte[] read = in.readNBytes(MAX_REWRITTEN + 1);
        if (read.length > MAX_REWRITTEN) {
            return new Body(request, new SequenceInputStream(new ByteArrayInputStream(read), in), -1);
        }
        byte[] body = read;
        if (dialect != Dialect.OMNIOPS && !hasCapital(read)) {
            // No camelCase name can be in it: the endpoint reads the bytes as sent, unparsed here.
            return new Body(request, new ByteArrayInputStream(body), body.length);
        }
        try {
            JsonNode sent = read.length == 0 ? null : json.readTree(read);
            JsonNode renamed = sent == null ? null : dialects.request(dialect, path, sent);
            if (renamed != null) {
                body = json.writeValueAsBytes(renamed);
                if (dialect != Dialect.OMNIOPS) {
                    SeedDialects.spellings(sent, spelled);
                }
            }
        } catch (JacksonException malformed) {
            // The canonical endpoint refuses it in the dialect's envelope.
        }
        return new Body(request, new ByteArrayInputStream(body), body.length);
    }

    private static boolean hasCapital(byte[] body) {
        for (byte b : body) {
            if (b >= 'A' && b <= 'Z') {
                return true;
            }
        }
        return false;
    }

    /** The request whose query parameters also answer to their snake_case names and the other seeds' names. */
    private static final class Parameters extends HttpServletRequestWrapper {

        private Map<String, String[]> parameters;

        Parameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (parameters == null) {
                parameters = Collections.unmodifiableMap(SeedDialects.parameters(super.getParameterMap()));
            }
            return parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }
    }

    /** The request with its body replaced. */
    private static final class Body extends HttpServletRequestWrapper {

        private final InputStream body;
        private final long length;

        Body(HttpServletRequest request, InputStream body, long length) {
            super(request);
            this.body = body;
            this.length = length;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() throws IOException {
                    int b = body.read();
                    finished = b < 0;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int count) throws IOException {
                    int n = body.read(buffer, offset, count);
                    finished = n < 0;
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return length < 0 ? -1 : (int) length;
        }

        @Override
        public long getContentLengthLong() {
            return length;
        }

        @Override
        public String getHeader(String name) {
            if ("Content-Length".equalsIgnoreCase(name)) {
                return length < 0 ? null : Long.toString(length);
            }
            return super.getHeader(name);
        }
    }
}
