package dev.parley.platform.internal;

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
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over the limit with 413 (by {@code Content-Length}, or while reading a chunked body), and keeps the
 * body in memory so the idempotency filter and the handler can both read it.
 */
class BodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final ErrorResponder errors;

    BodyLimitFilter(long limit, ErrorResponder errors) {
        this.limit = limit;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (!(method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE"))) {
            chain.doFilter(request, response);
            return;
        }
        PayloadTooLargeException tooLarge = new PayloadTooLargeException(limit);
        if (request.getContentLengthLong() > limit) {
            errors.write(request, response, tooLarge.toApiException());
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

    /** A request whose body has been read already and is served again from memory. */
    static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

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
