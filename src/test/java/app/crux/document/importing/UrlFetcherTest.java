package app.crux.document.importing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a local server (loopback allowed), and the address guard without any network. */
class UrlFetcherTest {

    private static final long LIMIT = 64 * 1024;
    private static HttpServer server;
    private static ExecutorService threads;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/page", e -> reply(e, 200, "text/html; charset=utf-8",
                "<html><head><title>Hip openers</title></head><body><nav>Menu</nav><article><h1>Hip openers</h1>"
                        + "<p>Sit tall and let the knees drop.</p></article><footer>About us</footer></body></html>"));
        server.createContext("/notes", e -> reply(e, 200, "text/plain", "Breathing drill\r\n\r\nIn for four, out for six.  "));
        server.createContext("/latin1", e -> reply(e, 200, "text/plain; charset=ISO-8859-1", "Caf\u00e9 stretch"));
        server.createContext("/hop/", e -> {
            int n = Integer.parseInt(e.getRequestURI().getPath().substring("/hop/".length()));
            redirect(e, n == 0 ? "/page" : "/hop/" + (n - 1));
        });
        server.createContext("/host", e -> reply(e, 200, "text/plain", "Host was " + e.getRequestHeaders().getFirst("Host")));
        server.createContext("/to-other", e -> redirect(e, "http://other.test:" + server.getAddress().getPort() + "/host"));
        server.createContext("/to-inside", e -> redirect(e, "http://inside.test:" + server.getAddress().getPort() + "/host"));
        server.createContext("/to-metadata", e -> redirect(e, "http://169.254.169.254/latest/meta-data/"));
        server.createContext("/to-file", e -> redirect(e, "file:///etc/passwd"));
        server.createContext("/missing", e -> reply(e, 404, "text/html", "<p>gone</p>"));
        server.createContext("/huge", e -> {
            e.getResponseHeaders().set("Content-Type", "text/plain");
            e.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse early
            byte[] line = "Stretch the calves against a wall, slowly.\n".getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = e.getResponseBody()) {
                for (long sent = 0; sent < LIMIT * 4; sent += line.length) {
                    out.write(line);
                }
            } catch (IOException closedByClient) {
                // the fetcher hangs up once it has seen enough
            }
        });
        server.createContext("/image", e -> reply(e, 200, "image/png", "\u0089PNG fake"));
        server.createContext("/lying", e -> reply(e, 200, "text/plain", "%PDF-1.4 pretending to be text"));
        server.createContext("/slow", e -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            reply(e, 200, "text/plain", "late");
        });
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static void reply(HttpExchange e, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(type.contains("ISO-8859-1") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        if (type.startsWith("image")) {
            bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        }
        e.getResponseHeaders().set("Content-Type", type);
        e.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void redirect(HttpExchange e, String location) throws IOException {
        e.getResponseHeaders().set("Location", location);
        e.sendResponseHeaders(302, -1);
        e.close();
    }

    private static UrlFetcher local() {
        return new UrlFetcher(Duration.ofSeconds(5), LIMIT, true);
    }

    private static ImportRefused refused(UrlFetcher fetcher, String address) {
        return assertThrows(ImportRefused.class, () -> fetcher.fetch(address));
    }

    @Test
    void anHtmlPageBecomesCleanText() {
        var fetched = local().fetch(base + "/page#section");
        assertEquals("Hip openers", fetched.title());
        assertEquals("Hip openers\n\nSit tall and let the knees drop.", fetched.text());
        assertEquals(UploadedText.Format.HTML, fetched.format());
        assertEquals(base + "/page", fetched.finalUrl());
    }

    @Test
    void plainTextIsNormalisedAndItsCharsetHonoured() {
        var notes = local().fetch(base + "/notes");
        assertEquals("Breathing drill\n\nIn for four, out for six.", notes.text());
        assertEquals(UploadedText.Format.TEXT, notes.format());
        assertEquals("Café stretch", local().fetch(base + "/latin1").text());
    }

    @Test
    void fiveRedirectsAreFollowedButSixAreRefused() {
        var fetched = local().fetch(base + "/hop/4"); // hop/4 .. hop/0 then /page: five redirects
        assertEquals(base + "/page", fetched.finalUrl());
        assertTrue(fetched.text().contains("knees drop"));
        ImportRefused e = refused(local(), base + "/hop/5");
        assertEquals(ImportRefused.Reason.UNREACHABLE, e.reason);
        assertTrue(e.getMessage().contains("more than 5"), e.getMessage());
    }

    @Test
    void aRedirectIntoThePrivateNetworkIsRefused() {
        ImportRefused e = refused(local(), base + "/to-metadata");
        assertEquals(ImportRefused.Reason.FORBIDDEN_ADDRESS, e.reason);
        assertTrue(e.getMessage().contains("169.254.169.254"), e.getMessage());
        assertEquals(ImportRefused.Reason.UNSUPPORTED_TYPE, refused(local(), base + "/to-file").reason);
    }

    @Test
    void notFoundIsUnreachableWithTheStatus() {
        ImportRefused e = refused(local(), base + "/missing");
        assertEquals(ImportRefused.Reason.UNREACHABLE, e.reason);
        assertTrue(e.getMessage().contains("404"), e.getMessage());
    }

    @Test
    void aHugeBodyIsCutOffAndRefused() {
        ImportRefused e = refused(local(), base + "/huge");
        assertEquals(ImportRefused.Reason.TOO_LARGE, e.reason);
        assertTrue(e.getMessage().contains("64 KB"), e.getMessage());
    }

    @Test
    void imagesAndBinaryDisguisedAsTextAreRefused() {
        ImportRefused image = refused(local(), base + "/image");
        assertEquals(ImportRefused.Reason.UNSUPPORTED_TYPE, image.reason);
        assertTrue(image.getMessage().contains("image/png"), image.getMessage());
        ImportRefused lying = refused(local(), base + "/lying");
        assertEquals(ImportRefused.Reason.BINARY, lying.reason);
        assertTrue(lying.getMessage().contains("PDF"), lying.getMessage());
    }

    @Test
    void privateAndLoopbackAddressesAreRefusedBeforeConnecting() {
        UrlFetcher strict = new UrlFetcher(Duration.ofSeconds(2), LIMIT, false);
        for (String address : new String[] {base + "/page", "http://10.0.0.1/", "http://[::1]/", "http://169.254.169.254/",
                "http://192.168.0.10/x", "http://172.20.1.1/", "http://100.64.3.4/", "http://0.0.0.0/",
                "http://[::ffff:127.0.0.1]/", "http://[fd00::5]/", "http://[fe80::1]/", "https://localhost/"}) {
            ImportRefused e = refused(strict, address);
            assertEquals(ImportRefused.Reason.FORBIDDEN_ADDRESS, e.reason, address);
            assertTrue(e.getMessage().contains("private network"), e.getMessage());
        }
    }

    @Test
    void theGuardAllowsPublicAddressesAndLoopbackOnlyWhenAsked() throws IOException {
        UrlFetcher strict = new UrlFetcher(Duration.ofSeconds(2), LIMIT, false);
        assertFalse(strict.forbidden(InetAddress.getByName("93.184.216.34")));
        assertFalse(strict.forbidden(InetAddress.getByName("2606:4700::1111")));
        assertTrue(strict.forbidden(InetAddress.getByName("64:ff9b::a00:1"))); // NAT64 wrapping 10.0.0.1
        assertTrue(strict.forbidden(InetAddress.getByName("2002:a9fe:a9fe::"))); // 6to4 wrapping 169.254.169.254
        assertTrue(strict.forbidden(InetAddress.getByName("224.0.0.1")));
        assertFalse(local().forbidden(InetAddress.getByName("127.0.0.1")));
        assertTrue(local().forbidden(InetAddress.getByName("10.0.0.1")));
    }

    /** Each special-purpose range refused, in IPv4 and in its IPv6 wrappings; public neighbours allowed. */
    @Test
    void everySpecialPurposeRangeIsRefused() throws IOException {
        UrlFetcher strict = new UrlFetcher(Duration.ofSeconds(2), LIMIT, false);
        String[] refused = {
            "0.1.2.3", "10.0.0.1", "100.64.0.1", "100.127.255.254", "127.0.0.1", "127.8.8.8", "169.254.169.254",
            "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.1", "192.0.2.255", "192.88.99.1", "192.168.1.1",
            "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.200", "224.0.0.1", "240.0.0.1", "255.255.255.255",
            "::", "::1", "::ffff:10.0.0.1", "::ffff:192.0.2.1", "::ffff:198.51.100.1", "::ffff:203.0.113.1", "::ffff:198.18.0.1",
            "::10.0.0.1", "64:ff9b::a00:1", "64:ff9b::c000:201", "64:ff9b::cb00:7101", "64:ff9b::c612:1", "64:ff9b:1::808:808",
            "2002:c000:0201::", "2002:a9fe:a9fe::", "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:1::1", "2001:2::1", "2001:db8::1",
            "100::1", "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1"};
        for (String address : refused) {
            assertTrue(strict.forbidden(InetAddress.getByName(address)), address + " must be refused");
        }
        String[] allowed = {"93.184.216.34", "8.8.8.8", "192.0.3.1", "198.17.255.1", "198.20.0.1", "198.51.101.1",
            "203.0.114.1", "100.128.0.1", "172.32.0.1", "2606:4700::1111", "2001:4860:4860::8888", "2001:200::1",
            "64:ff9b::808:808", "2002:0808:0808::", "::ffff:8.8.8.8"};
        for (String address : allowed) {
            assertFalse(strict.forbidden(InetAddress.getByName(address)), address + " is public");
        }
    }

    /** A resolver playing a rebinding DNS server: the checked answer first, a different one on every later lookup. */
    private static final class Rebinding implements PublicAddress.Resolver {
        final java.util.List<String> lookups = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.Map<String, String> first;
        private final String later;

        Rebinding(java.util.Map<String, String> first, String later) {
            this.first = first;
            this.later = later;
        }

        @Override
        public InetAddress[] resolve(String host) throws java.net.UnknownHostException {
            boolean again = lookups.contains(host);
            lookups.add(host);
            String answer = again ? later : first.get(host);
            if (answer == null) {
                throw new java.net.UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(answer)};
        }
    }

    private static UrlFetcher pinned(Rebinding dns) throws Exception {
        return new UrlFetcher(Duration.ofSeconds(3), LIMIT, new PublicAddress(true, dns), javax.net.ssl.SSLContext.getDefault().getSocketFactory());
    }

    @Test
    void theConnectionGoesToTheAddressThatWasCheckedWithTheNameAsHost() throws Exception {
        // a second lookup would answer a documentation address (refused, and nothing listens there)
        Rebinding dns = new Rebinding(java.util.Map.of("rebind.test", "127.0.0.1"), "192.0.2.10");
        int port = server.getAddress().getPort();
        var fetched = pinned(dns).fetch("http://rebind.test:" + port + "/host");
        assertEquals("Host was rebind.test:" + port, fetched.text());
        assertEquals(java.util.List.of("rebind.test"), dns.lookups, "the host is looked up once, for the check");
    }

    @Test
    void everyRedirectHopIsResolvedCheckedAndPinned() throws Exception {
        Rebinding dns = new Rebinding(java.util.Map.of("start.test", "127.0.0.1", "other.test", "127.0.0.1",
                "inside.test", "10.0.0.5"), "192.0.2.10");
        int port = server.getAddress().getPort();
        var fetched = pinned(dns).fetch("http://start.test:" + port + "/to-other");
        assertEquals("Host was other.test:" + port, fetched.text());
        assertEquals("http://other.test:" + port + "/host", fetched.finalUrl());
        assertEquals(java.util.List.of("start.test", "other.test"), dns.lookups);

        Rebinding fresh = new Rebinding(java.util.Map.of("start.test", "127.0.0.1", "inside.test", "10.0.0.5"), "192.0.2.10");
        ImportRefused inside = refused(pinned(fresh), "http://start.test:" + port + "/to-inside");
        assertEquals(ImportRefused.Reason.FORBIDDEN_ADDRESS, inside.reason);
        assertTrue(inside.getMessage().contains("inside.test"), inside.getMessage());
        assertEquals(java.util.List.of("start.test", "inside.test"), fresh.lookups);
    }

    @Test
    void aNameThatAlsoResolvesInsideIsRefused() throws Exception {
        PublicAddress.Resolver both = host -> new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1")};
        UrlFetcher fetcher = new UrlFetcher(Duration.ofSeconds(2), LIMIT, new PublicAddress(false, both),
                javax.net.ssl.SSLContext.getDefault().getSocketFactory());
        assertEquals(ImportRefused.Reason.FORBIDDEN_ADDRESS, refused(fetcher, "http://split.test/").reason);
    }

    @Test
    void onlyWebAddressesAreAccepted() {
        assertEquals(ImportRefused.Reason.UNSUPPORTED_TYPE, refused(local(), "file:///etc/passwd").reason);
        assertEquals(ImportRefused.Reason.UNSUPPORTED_TYPE, refused(local(), "ftp://example.org/a.txt").reason);
        assertEquals(ImportRefused.Reason.UNSUPPORTED_TYPE, refused(local(), "not a url").reason);
        assertEquals(ImportRefused.Reason.EMPTY, refused(local(), "  ").reason);
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ImportRefused e = refused(local(), "http://127.0.0.1:" + port + "/");
        assertEquals(ImportRefused.Reason.UNREACHABLE, e.reason);
        assertTrue(e.getMessage().startsWith("Could not reach 127.0.0.1"), e.getMessage());
    }

    @Test
    void aSlowServerTimesOut() {
        ImportRefused e = refused(new UrlFetcher(Duration.ofSeconds(1), LIMIT, true), base + "/slow");
        assertEquals(ImportRefused.Reason.UNREACHABLE, e.reason);
        assertTrue(e.getMessage().contains("1 second"), e.getMessage());
    }
}
