package dev.parley.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A lean HTTP/1.1 client for the turn benchmark's load: blocking keep-alive sockets, one request at a time on each,
 * pooled. The load generator shares the server's two cores, and the JDK's {@code HttpClient} spent about 2.4 ms of CPU
 * per turn (its selector thread, futures and header maps), CPU the server then could not have; wrk and similar tools
 * are lean for the same reason. It speaks only what the server answers: a status line, headers, and a body sized by
 * {@code Content-Length} or sent in chunks.
 */
final class KeepAliveClient implements AutoCloseable {

    /** A response's status and body (UTF-8). */
    record Response(int status, String body) {}

    private final InetSocketAddress server;
    private final String authorization;
    private final int timeoutMillis;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    KeepAliveClient(String host, int port, String authorization, int timeoutMillis) {
        this.server = new InetSocketAddress(host, port);
        this.authorization = authorization;
        this.timeoutMillis = timeoutMillis;
    }

    /** POSTs a JSON body; an {@link IOException} when the server cannot be reached or does not answer in time. */
    Response post(String path, byte[] json) throws IOException {
        Connection connection = idle.poll();
        if (connection == null) {
            connection = open();
        }
        try {
            Response response = connection.exchange(path, json);
            if (connection.reusable) {
                idle.add(connection);
            } else {
                connection.close();
            }
            return response;
        } catch (IOException | RuntimeException failed) {
            connection.close();
            throw failed;
        }
    }

    private Connection open() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        socket.connect(server, timeoutMillis);
        return new Connection(socket);
    }

    @Override
    public void close() {
        Connection connection;
        while ((connection = idle.poll()) != null) {
            connection.close();
        }
    }

    private final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] head;
        boolean reusable = true;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            this.head = ("Host: " + server.getHostString() + ":" + server.getPort() + "\r\n" + "Authorization: "
                            + authorization + "\r\n" + "Content-Type: application/json\r\n"
                            + "Accept: application/json\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        Response exchange(String path, byte[] json) throws IOException {
            out.write(("POST " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(head);
            out.write(("Content-Length: " + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            return read();
        }

        private Response read() throws IOException {
            String statusLine = line();
            // "HTTP/1.1 200 " or "HTTP/1.1 200 OK"
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).strip();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" ->
                        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> reusable &= !value.equalsIgnoreCase("close");
                    default -> {}
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(length > 0 ? (int) length : 1024);
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].strip(), 16);
                        size > 0;
                        size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
                    copy(size, body);
                    line();
                }
                // trailers, up to the empty line
                while (!line().isEmpty()) {}
            } else if (length >= 0) {
                copy(length, body);
            } else {
                reusable = false;
                in.transferTo(body);
            }
            return new Response(status, body.toString(StandardCharsets.UTF_8));
        }

        private void copy(long count, ByteArrayOutputStream to) throws IOException {
            byte[] buffer = new byte[8192];
            while (count > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, count));
                if (n < 0) {
                    throw new EOFException("the server closed the connection in a response body");
                }
                to.write(buffer, 0, n);
                count -= n;
            }
        }

        /** One header line without its CRLF. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("the server closed the connection");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket that failed: nothing left to do
            }
        }
    }
}
