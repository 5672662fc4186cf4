package app.crux.document.importing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;

/**
 * Fetches a public web page for import: http(s) only, a time limit per hop, a size cap,
 * at most five redirects followed by hand, and no private, loopback, link-local,
 * documentation or cloud-metadata addresses ({@link PublicAddress}).
 *
 * <p>Every hop is resolved once, checked, and then connected to exactly that address
 * ({@link PinnedHttp}), with the host name kept for the Host header, TLS SNI and certificate
 * checks: a DNS server that answers "public" to the check and "private" to the connection
 * (DNS rebinding) reaches nothing. One instance is meant to serve every import; it holds no
 * per-request state.
 */
public class UrlFetcher {

    public record Fetched(String title, String text, UploadedText.Format format, String finalUrl) {
    }

    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final Duration timeout;
    private final PublicAddress guard;
    private final PinnedHttp http;

    /** @param allowLoopback only for tests that serve pages from this machine */
    public UrlFetcher(Duration timeout, long maxBytes, boolean allowLoopback) {
        this(timeout, maxBytes, new PublicAddress(allowLoopback), defaultTls());
    }

    /** For tests: a name resolver of their own (through the guard) and a trust store of their own. */
    UrlFetcher(Duration timeout, long maxBytes, PublicAddress guard, SSLSocketFactory tls) {
        this.timeout = timeout;
        this.guard = guard;
        this.http = new PinnedHttp(tls, timeout, maxBytes);
    }

    private static SSLSocketFactory defaultTls() {
        try {
            return SSLContext.getDefault().getSocketFactory();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no TLS in this Java runtime", e);
        }
    }

    public Fetched fetch(String address) {
        URI uri = WebAddress.parse(address);
        for (int redirects = 0; ; redirects++) {
            InetAddress checked = guard.resolve(uri);
            PinnedHttp.Response response = send(uri, checked);
            int status = response.status();
            Optional<String> location = response.header("Location");
            if (REDIRECTS.contains(status) && location.isPresent()) {
                if (redirects == MAX_REDIRECTS) {
                    throw new ImportRefused(ImportRefused.Reason.UNREACHABLE, "The address redirects more than "
                            + MAX_REDIRECTS + " times; open it in a browser and give Crux the final address.");
                }
                uri = WebAddress.redirect(uri, location.get()); // the next hop is resolved and checked again
                continue;
            }
            if (status < 200 || status >= 300) {
                throw new ImportRefused(ImportRefused.Reason.UNREACHABLE, "Could not import " + uri.getHost()
                        + ": the server answered " + status + WebAddress.statusName(status) + ".");
            }
            return WebPage.read(uri, response.header("Content-Type").orElse(""), response.body());
        }
    }

    /** Package-private for tests of the address guard. */
    boolean forbidden(InetAddress address) {
        return guard.forbidden(address);
    }

    private PinnedHttp.Response send(URI uri, InetAddress address) {
        try {
            return http.get(uri, address, UrlFetcher::wanted);
        } catch (ImportRefused refused) {
            throw refused;
        } catch (PinnedHttp.Timeout t) {
            throw unreachable(uri, t.connecting ? "connection timed out after " + seconds()
                    : t.headersArrived ? "the page did not arrive within " + seconds() : "no answer within " + seconds());
        } catch (PinnedHttp.Malformed m) {
            throw unreachable(uri, "the server's answer was not valid HTTP (" + m.getMessage() + ")");
        } catch (ConnectException | NoRouteToHostException e) {
            throw unreachable(uri, "the connection was refused");
        } catch (SSLException e) {
            throw unreachable(uri, "the secure (https) connection failed; its certificate may be invalid");
        } catch (IOException e) {
            throw unreachable(uri, "the connection failed (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            throw unreachable(uri, "the address cannot be requested (" + e.getMessage() + ")");
        }
    }

    /** Only a successful answer that is a page or text is read; redirects, errors and images are not. */
    private static boolean wanted(int status, Map<String, String> headers) {
        return status >= 200 && status < 300 && WebPage.importable(headers.getOrDefault("content-type", ""));
    }

    private static ImportRefused unreachable(URI uri, String why) {
        return new ImportRefused(ImportRefused.Reason.UNREACHABLE, "Could not reach " + uri.getHost() + ": " + why + ".");
    }

    private String seconds() {
        long s = timeout.toSeconds();
        return s >= 1 ? s + (s == 1 ? " second" : " seconds") : timeout.toMillis() + " milliseconds";
    }
}
