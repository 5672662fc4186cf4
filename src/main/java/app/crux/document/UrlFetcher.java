package app.crux.document;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Fetches a public web page for import: http(s) only, a time limit per hop, a size cap,
 * at most five redirects followed by hand so that every hop's address is checked again,
 * and no private, loopback, link-local or cloud-metadata addresses ({@link PublicAddress}).
 *
 * <p>Known limit (DNS rebinding): the host is resolved for the check and again by the
 * HTTP client when it connects; a DNS server that answers "public" first and "private"
 * second is not caught. Pinning the checked address would mean connecting to the IP and
 * sending Host/SNI by hand, which java.net.http does not allow cheaply. Run the server
 * behind an egress firewall that blocks private ranges to close the gap.
 */
public class UrlFetcher {

    public record Fetched(String title, String text, UploadedText.Format format, String finalUrl) {
    }

    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final Duration timeout;
    private final long maxBytes;
    private final PublicAddress guard;
    private final HttpClient client;

    /** 10 seconds, 5 MB, public addresses only. */
    public UrlFetcher() {
        this(Duration.ofSeconds(10), 5L * 1024 * 1024, false);
    }

    /** @param allowLoopback only for tests that serve pages from this machine */
    public UrlFetcher(Duration timeout, long maxBytes, boolean allowLoopback) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.guard = new PublicAddress(allowLoopback);
        // no proxy: the address we check must be the address we connect to
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY).build();
    }

    public Fetched fetch(String address) {
        URI uri = WebAddress.parse(address);
        for (int redirects = 0; ; redirects++) {
            guard.check(uri);
            HttpResponse<byte[]> response = send(uri);
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (REDIRECTS.contains(status) && location.isPresent()) {
                if (redirects == MAX_REDIRECTS) {
                    throw new ImportRefused(ImportRefused.Reason.UNREACHABLE, "The address redirects more than "
                            + MAX_REDIRECTS + " times; open it in a browser and give Crux the final address.");
                }
                uri = WebAddress.redirect(uri, location.get());
                continue;
            }
            if (status < 200 || status >= 300) {
                throw new ImportRefused(ImportRefused.Reason.UNREACHABLE, "Could not import " + uri.getHost()
                        + ": the server answered " + status + WebAddress.statusName(status) + ".");
            }
            return WebPage.read(uri, response);
        }
    }

    /** Package-private for tests of the address guard. */
    boolean forbidden(InetAddress address) {
        return guard.forbidden(address);
    }

    private HttpResponse<byte[]> send(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("User-Agent", "Crux document import")
                .header("Accept", "text/html, application/xhtml+xml, text/plain;q=0.9, text/markdown;q=0.9").build();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, this::body);
        try {
            // the request timeout covers the headers; this one also covers a body that trickles in
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw unreachable(uri, "the page did not arrive within " + seconds());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw unreachable(uri, "the fetch was interrupted");
        } catch (ExecutionException e) {
            throw explain(uri, e.getCause());
        }
    }

    private HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info) {
        boolean wanted = info.statusCode() >= 200 && info.statusCode() < 300
                && WebPage.importable(info.headers().firstValue("Content-Type").orElse(""));
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (wanted && declared > maxBytes) {
            CappedBody refused = new CappedBody(0, true);
            refused.onError(CappedBody.tooLarge(maxBytes)); // refuse before downloading a page that says it is too big
            return refused;
        }
        return new CappedBody(maxBytes, wanted);
    }

    private RuntimeException explain(URI uri, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ImportRefused refused) {
                return refused;
            }
        }
        if (failure instanceof HttpConnectTimeoutException) {
            return unreachable(uri, "connection timed out after " + seconds());
        }
        if (failure instanceof HttpTimeoutException) {
            return unreachable(uri, "no answer within " + seconds());
        }
        if (failure instanceof ConnectException) {
            return unreachable(uri, "the connection was refused");
        }
        if (failure instanceof SSLException) {
            return unreachable(uri, "the secure (https) connection failed; its certificate may be invalid");
        }
        if (failure instanceof IOException) {
            return unreachable(uri, "the connection failed (" + failure.getClass().getSimpleName() + ")");
        }
        return unreachable(uri, "an unexpected error occurred (" + failure + ")");
    }

    private static ImportRefused unreachable(URI uri, String why) {
        return new ImportRefused(ImportRefused.Reason.UNREACHABLE, "Could not reach " + uri.getHost() + ": " + why + ".");
    }

    private String seconds() {
        long s = timeout.toSeconds();
        return s >= 1 ? s + (s == 1 ? " second" : " seconds") : timeout.toMillis() + " milliseconds";
    }
}
