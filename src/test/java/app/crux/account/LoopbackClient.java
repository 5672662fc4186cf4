package app.crux.account;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Plain HTTP/1.1 over a socket bound to an address of its own in 127.0.0.0/8, so a test's
 * login failures are counted under an address no other test uses (the server sees it as
 * the remote address), and many requests can be fired at once.
 */
final class LoopbackClient {

    record Reply(int status, String head, String body) {
        String header(String name) {
            return head.lines().filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip()).findFirst().orElse(null);
        }

        boolean setsCookie(String cookie) {
            return head.lines().anyMatch(line -> line.regionMatches(true, 0, "Set-Cookie: " + cookie + "=", 0, cookie.length() + 13)
                    && !line.contains(cookie + "=;"));
        }
    }

    final InetAddress local;
    private final int port;

    LoopbackClient(int port) {
        this.port = port;
        var random = ThreadLocalRandom.current();
        try {
            this.local = InetAddress.getByAddress(new byte[] {127, (byte) random.nextInt(10, 250),
                    (byte) random.nextInt(1, 250), (byte) random.nextInt(1, 250)});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String address() {
        return local.getHostAddress();
    }

    Reply postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    Reply postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return post(path, "application/x-www-form-urlencoded", body);
    }

    Reply post(String path, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            String response = readAll(socket.getInputStream());
            int split = response.indexOf("\r\n\r\n");
            String head = split < 0 ? response : response.substring(0, split);
            String rest = split < 0 ? "" : response.substring(split + 4);
            return new Reply(Integer.parseInt(head.substring(9, 12)), head, rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fires {@code count} requests at the same moment (all threads wait at a gate first). */
    static <T> List<T> atOnce(int count, IntFunction<T> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    gate.await();
                    return request.apply(n);
                }));
            }
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
