package dev.parley.platform.internal;

import dev.parley.platform.BodyLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over the limit with 413 (by {@code Content-Length}, or while reading a chunked body), and keeps the
 * body in memory so the idempotency filter and the handler can both read it. The limit is the platform's, or the
 * largest {@link BodyLimit} a module declared for the request's path.
 */
class BodyLimitFilter extends OncePerRequestFilter {

    private final long defaultLimit;
    private final List<BodyLimit> limits;
    private final ErrorResponder errors;

    BodyLimitFilter(long limit, ErrorResponder errors) {
        this(limit, List.of(), errors);
    }

    BodyLimitFilter(long defaultLimit, List<BodyLimit> limits, ErrorResponder errors) {
        this.defaultLimit = defaultLimit;
        this.limits = List.copyOf(limits);
        this.errors = errors;
    }

    long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return limits.stream()
                .filter(l -> l.matches(path))
                .mapToLong(l -> l.max().toBytes())
                .max()
                .orElse(defaultLimit);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (!(method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE"))) {
            chain.doFilter(request, response);
            return;
        }
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            errors.write(request, response, new PayloadTooLargeException(limit).toApiException());
            return;
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            // HTML forms (the console): the container parses the parameters from its own stream, within its post
            // size limit; reading the body here would leave them empty.
            request.getParameterMap();
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = readAtMost(request.getInputStream(), limit);
        } catch (PayloadTooLargeException e) {
            errors.write(request, response, e.toApiException());
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw new PayloadTooLargeException(max);
        }
        return bytes;
    }

    /**
     * A request whose body has been read already and is served again from memory, multipart parts included (the
     * container would parse them from its own stream, which is read already).
     */
    static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;
        private Collection<Part> parts;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        byte[] body() {
            return body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already in memory");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
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
        public Collection<Part> getParts() throws IOException, ServletException {
            if (parts == null) {
                parts = MultipartBody.parts(body, getContentType(), getCharacterEncoding());
            }
            return parts;
        }

        @Override
        public Part getPart(String name) throws IOException, ServletException {
            return getParts().stream()
                    .filter(p -> p.getName().equals(name))
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    static byte[] bodyOf(HttpServletRequest request) {
        while (request instanceof HttpServletRequestWrapper wrapper) {
            if (wrapper instanceof CachedBodyRequest cached) {
                return cached.body();
            }
            request = (HttpServletRequest) wrapper.getRequest();
        }
        return new byte[0];
    }
}
