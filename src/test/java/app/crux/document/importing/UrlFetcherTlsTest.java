package app.crux.document.importing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * https through the pinned connection: a TLS server on loopback with a certificate for
 * {@code crux-tls.test} only. The fetcher connects to the checked address (loopback, through a
 * resolver seam) yet sends the name for SNI and the Host header, and judges the certificate
 * against the name, not the address.
 */
class UrlFetcherTlsTest {

    private static final String NAME = "crux-tls.test";
    @TempDir
    static Path dir;
    private static SSLServerSocket server;
    private static Thread acceptor;
    private static SSLContext trusting;
    /** SNI name and Host header of each request the server answered, by request path. */
    private static final Map<String, String> seen = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "crux", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + NAME,
                "-ext", "SAN=dns:" + NAME, "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS), "keytool finished");
        assertEquals(0, keytool.exitValue(), new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(store.toFile())) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);

        Certificate certificate = keys.getCertificate("crux");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("crux", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);

        server = (SSLServerSocket) serverTls.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(UrlFetcherTlsTest::serve, "tls-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        acceptor.join(5000);
    }

    private static void serve() {
        while (!server.isClosed()) {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                socket.setSoTimeout(5000);
                try {
                    socket.startHandshake();
                } catch (java.io.IOException refusedByClient) {
                    continue; // the client may hang up when it does not trust the certificate
                }
                List<SNIServerName> names = ((ExtendedSSLSession) socket.getSession()).getRequestedServerNames();
                String sni = names.isEmpty() ? "none" : ((SNIHostName) names.get(0)).getAsciiName();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                String path = in.readLine().split(" ")[1];
                String host = "none";
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    if (line.regionMatches(true, 0, "Host:", 0, 5)) {
                        host = line.substring(5).strip();
                    }
                }
                seen.put(path, sni + " " + host);
                byte[] body = "<html><head><title>Over TLS</title></head><body><p>Pinned and verified.</p></body></html>"
                        .getBytes(StandardCharsets.UTF_8);
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (SocketException closed) {
                return;
            } catch (Exception e) {
                // one bad exchange does not stop the server
            }
        }
    }

    private static UrlFetcher fetcher(String name) {
        // every name resolves to loopback, and would resolve elsewhere on a second lookup
        int[] lookups = {0};
        PublicAddress.Resolver dns = host -> new InetAddress[] {
            InetAddress.getByName(host.equals(name) && lookups[0]++ == 0 ? "127.0.0.1" : "192.0.2.10")};
        return new UrlFetcher(Duration.ofSeconds(5), 64 * 1024, new PublicAddress(true, dns), trusting.getSocketFactory());
    }

    @Test
    void httpsGoesToTheCheckedAddressWithTheNameForSniHostAndCertificate() {
        int port = server.getLocalPort();
        var fetched = fetcher(NAME).fetch("https://" + NAME + ":" + port + "/article");
        assertEquals("Over TLS", fetched.title());
        assertEquals("Pinned and verified.", fetched.text().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals(NAME + " " + NAME + ":" + port, seen.get("/article"), "SNI and Host carry the name");
    }

    @Test
    void aCertificateForAnotherNameIsRefusedAlthoughTheAddressIsTheSame() {
        int port = server.getLocalPort();
        ImportRefused e = org.junit.jupiter.api.Assertions.assertThrows(ImportRefused.class,
                () -> fetcher("elsewhere.test").fetch("https://elsewhere.test:" + port + "/article"));
        assertEquals(ImportRefused.Reason.UNREACHABLE, e.reason);
        assertTrue(e.getMessage().contains("certificate"), e.getMessage());
    }
}
