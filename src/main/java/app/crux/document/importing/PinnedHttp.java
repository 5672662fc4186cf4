package app.crux.document.importing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 GET to an address that was already resolved and checked ({@link PublicAddress}).
 *
 * <p>Why not java.net.http.HttpClient: it resolves the host name itself when it connects, so
 * the address we checked and the address we reach can differ (DNS rebinding), and it offers
 * no way to pass it an address; connecting to the IP instead would lose the Host header
 * (restricted) and, over https, SNI and certificate checks against the name. Here the socket
 * is opened to the checked address, the Host header carries the name, and for https the TLS
 * layer is told the name both for SNI and for hostname verification ("HTTPS" endpoint
 * identification), so certificates are judged exactly as a browser would judge them.
 *
 * <p>The request is the smallest that works: GET, identity encoding, {@code Connection: close};
 * the answer is read with limits on header size, body size and total time. One instance (and
 * its TLS socket factory with its session cache) is shared by every import.
 */
final class PinnedHttp {

    /** Status and headers (names in lower case, the first value of each) and the body if it was wanted. */
    record Response(int status, Map<String, String> headers, byte[] body) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** Decides, from status and headers, whether the body is worth reading; a refusal is thrown from here. */
    @FunctionalInterface
    interface BodyPolicy {
        boolean wanted(int status, Map<String, String> headers);
    }

    static final String ACCEPT = "text/html, application/xhtml+xml, text/plain;q=0.9, text/markdown;q=0.9";
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_INTERIM_RESPONSES = 5;

    static ImportRefused tooLarge(long maxBytes) {
        return new ImportRefused(ImportRefused.Reason.TOO_LARGE, "The page is larger than " + UploadedText.size(maxBytes)
                + "; Crux imports pages up to that size. Paste the part you need instead.");
    }

    private final SSLSocketFactory tls;
    private final Duration timeout;
    private final long maxBytes;

    PinnedHttp(SSLSocketFactory tls, Duration timeout, long maxBytes) {
        this.tls = tls;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** Thrown when the time for the whole exchange ran out; {@code connecting} tells which stage. */
    static final class Timeout extends IOException {
        final boolean connecting;
        final boolean headersArrived;

        Timeout(boolean connecting, boolean headersArrived) {
            super("timed out");
            this.connecting = connecting;
            this.headersArrived = headersArrived;
        }
    }

    /** Thrown when the server's answer is not HTTP/1.x as we know it. */
    static final class Malformed extends IOException {
        Malformed(String why) {
            super(why);
        }
    }

    Response get(URI uri, InetAddress address, BodyPolicy policy) throws IOException {
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        long deadline = System.nanoTime() + timeout.toNanos();
        Socket plain = new Socket();
        try {
            try {
                plain.connect(new InetSocketAddress(address, port), (int) Math.max(1, timeout.toMillis()));
            } catch (SocketTimeoutException e) {
                throw new Timeout(true, false);
            }
            Socket socket = https ? secure(plain, uri, port, deadline) : plain;
            try (socket) {
                OutputStream out = socket.getOutputStream();
                out.write(request(uri).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Reader in = new Reader(socket, deadline);
                return read(in, policy);
            }
        } finally {
            plain.close();
        }
    }

    /** TLS over the already connected socket: SNI and certificate checks use the host name, not the address. */
    private Socket secure(Socket plain, URI uri, int port, long deadline) throws IOException {
        String host = bare(uri.getHost());
        SSLSocket ssl = (SSLSocket) tls.createSocket(plain, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!literal(host)) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            } catch (IllegalArgumentException notAnSniName) {
                // e.g. an underscore: no SNI is sent, the certificate is still checked against the name
            }
        }
        ssl.setSSLParameters(parameters);
        ssl.setSoTimeout(remaining(deadline, false));
        try {
            ssl.startHandshake();
        } catch (SocketTimeoutException e) {
            throw new Timeout(false, false);
        }
        return ssl;
    }

    private static String request(URI uri) {
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String host = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        for (char c : (target + host).toCharArray()) {
            if (c <= ' ' || c >= 0x7f) { // java.net.URI never lets these through raw; never send a header break
                throw new IllegalArgumentException("unencoded character in " + uri);
            }
        }
        return "GET " + target + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "User-Agent: Crux document import\r\n"
                + "Accept: " + ACCEPT + "\r\n"
                + "Accept-Encoding: identity\r\n"
                + "Connection: close\r\n\r\n";
    }

    private Response read(Reader in, BodyPolicy policy) throws IOException {
        for (int interim = 0; ; interim++) {
            String statusLine = in.line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
                throw new Malformed("not an HTTP/1.x status line");
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = headers(in);
            if (status >= 100 && status < 200) {
                if (status == 101 || interim == MAX_INTERIM_RESPONSES) {
                    throw new Malformed("unexpected interim response " + status);
                }
                continue; // 100 Continue, 103 Early Hints: the real answer follows
            }
            in.headersArrived = true;
            if (!policy.wanted(status, headers) || status == 204 || status == 304) {
                return new Response(status, headers, new byte[0]);
            }
            return new Response(status, headers, body(in, headers));
        }
    }

    private static Map<String, String> headers(Reader in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        String last = null;
        for (String line = in.line(); !line.isEmpty(); line = in.line()) {
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
                headers.put(last, headers.get(last) + " " + line.strip()); // obsolete line folding
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new Malformed("header line without a name");
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (name.equals("content-length") && headers.containsKey(name) && !headers.get(name).equals(value)) {
                throw new Malformed("two different Content-Length headers");
            }
            headers.putIfAbsent(name, value);
            last = name;
        }
        return headers;
    }

    private byte[] body(Reader in, Map<String, String> headers) throws IOException {
        String encoding = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
        if (encoding.endsWith("chunked")) {
            return chunked(in);
        }
        if (encoding.isEmpty() && headers.containsKey("content-length")) {
            long declared;
            try {
                declared = Long.parseLong(headers.get("content-length"));
            } catch (NumberFormatException e) {
                throw new Malformed("Content-Length is not a number");
            }
            if (declared < 0) {
                throw new Malformed("negative Content-Length");
            }
            if (declared > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return in.bytes(declared, true);
        }
        return in.untilClose(maxBytes); // no length given: the body ends when the server hangs up
    }

    private byte[] chunked(Reader in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = in.line();
            int semicolon = size.indexOf(';');
            long length;
            try {
                length = Long.parseLong((semicolon >= 0 ? size.substring(0, semicolon) : size).strip(), 16);
            } catch (NumberFormatException e) {
                throw new Malformed("bad chunk size");
            }
            if (length < 0) {
                throw new Malformed("bad chunk size");
            }
            if (length == 0) {
                while (!in.line().isEmpty()) {
                    // trailers: ignored
                }
                return body.toByteArray();
            }
            if (body.size() + length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            body.writeBytes(in.bytes(length, true));
            if (!in.line().isEmpty()) {
                throw new Malformed("chunk without its line end");
            }
        }
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean literal(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }

    static int remaining(long deadline, boolean headersArrived) throws Timeout {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new Timeout(false, headersArrived);
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000));
    }

    /** Reads the answer with the time left before the deadline as the socket's timeout for every read. */
    private final class Reader {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        boolean headersArrived;
        private int headerBytes;

        Reader(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.deadline = deadline;
        }

        private int read() throws IOException {
            socket.setSoTimeout(remaining(deadline, headersArrived));
            try {
                return in.read();
            } catch (SocketTimeoutException e) {
                throw new Timeout(false, headersArrived);
            }
        }

        private int read(byte[] buffer, int from, int length) throws IOException {
            socket.setSoTimeout(remaining(deadline, headersArrived));
            try {
                return in.read(buffer, from, length);
            } catch (SocketTimeoutException e) {
                throw new Timeout(false, headersArrived);
            }
        }

        /**
         * A line ending in CRLF (a bare LF is accepted too), without its end. Status and header
         * lines share one budget; after them (chunk sizes, trailers) each line has its own.
         */
        String line() throws IOException {
            if (headersArrived) {
                headerBytes = 0;
            }
            StringBuilder line = new StringBuilder();
            while (true) {
                int c = read();
                if (c == -1) {
                    throw new Malformed("the connection closed in the middle of the answer");
                }
                if (++headerBytes > MAX_HEADER_BYTES) {
                    throw new Malformed("a header or chunk line larger than " + MAX_HEADER_BYTES + " bytes");
                }
                if (c == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) c);
            }
        }

        byte[] bytes(long length, boolean exact) throws IOException {
            byte[] buffer = new byte[(int) length];
            int filled = 0;
            while (filled < length) {
                int n = read(buffer, filled, (int) length - filled);
                if (n == -1) {
                    if (exact) {
                        throw new Malformed("the body ended before its declared length");
                    }
                    break;
                }
                filled += n;
            }
            return buffer;
        }

        byte[] untilClose(long cap) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = read(buffer, 0, buffer.length); n != -1; n = read(buffer, 0, buffer.length)) {
                if (body.size() + (long) n > cap) {
                    throw tooLarge(cap);
                }
                body.write(buffer, 0, n);
            }
            return body.toByteArray();
        }
    }
}
