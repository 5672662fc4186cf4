package app.crux.document;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches a public web page for import: http(s) only, a timeout, a size cap, at most
 * five redirects (each hop checked again), and no private, loopback, link-local or
 * cloud-metadata addresses, so the server cannot be used to reach inside its network.
 * Known limit: the address is resolved for the check and again by the HTTP client;
 * a DNS answer that changes in between (rebinding) is not caught.
 */
public class UrlFetcher {

    public record Fetched(String title, String text, String finalUrl) {
    }

    private static final int MAX_REDIRECTS = 5;

    private final Duration timeout;
    private final long maxBytes;
    private final boolean allowLoopback;
    private final HttpClient client;

    /** @param allowLoopback only for tests that serve pages from this machine */
    public UrlFetcher(Duration timeout, long maxBytes, boolean allowLoopback) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.allowLoopback = allowLoopback;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Fetched fetch(String address) {
        URI uri = parse(address);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            check(uri);
            HttpResponse<InputStream> response = send(uri);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                close(response);
                uri = uri.resolve(response.headers().firstValue("Location").get());
                continue;
            }
            if (status < 200 || status >= 300) {
                close(response);
                throw new ImportRefused(ImportRefused.Reason.UNREACHABLE, uri.getHost() + " answered " + status
                        + (status == 404 ? " (not found)" : "") + "; check the address.");
            }
            return read(uri, response);
        }
        throw new ImportRefused(ImportRefused.Reason.UNREACHABLE, "The address redirects more than " + MAX_REDIRECTS + " times.");
    }

    private Fetched read(URI uri, HttpResponse<InputStream> response) {
        String type = response.headers().firstValue("Content-Type").orElse("text/html").toLowerCase(Locale.ROOT);
        boolean html = type.startsWith("text/html") || type.startsWith("application/xhtml");
        boolean text = type.startsWith("text/plain") || type.startsWith("text/markdown");
        if (!html && !text) {
            close(response);
            throw new ImportRefused(ImportRefused.Reason.UNSUPPORTED_TYPE, "The address serves " + type.split(";")[0]
                    + ", not a web page or text.");
        }
        byte[] bytes = body(response);
        if (UploadedText.binaryKind(bytes) != null) {
            throw new ImportRefused(ImportRefused.Reason.BINARY, "The address serves binary data, not text.");
        }
        Charset charset = charset(type);
        String content = new String(bytes, charset);
        if (html) {
            var extracted = HtmlText.fromHtml(content, uri.toString());
            if (extracted.text().isBlank()) {
                throw new ImportRefused(ImportRefused.Reason.EMPTY, "The page has no readable text.");
            }
            return new Fetched(extracted.title(), extracted.text(), uri.toString());
        }
        var decoded = UploadedText.decode(bytes, uri.getPath(), maxBytes);
        return new Fetched(decoded.title(), decoded.text(), uri.toString());
    }

    private byte[] body(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new ImportRefused(ImportRefused.Reason.TOO_LARGE, "The page is larger than " + maxBytes / 1024 / 1024
                        + " MB; Crux does not import it.");
            }
            return bytes;
        } catch (IOException e) {
            throw new ImportRefused(ImportRefused.Reason.UNREACHABLE, "The page stopped arriving: " + e.getMessage());
        }
    }

    private HttpResponse<InputStream> send(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "Crux document import")
                .header("Accept", "text/html, text/plain;q=0.9").GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new ImportRefused(ImportRefused.Reason.UNREACHABLE, "Could not reach " + uri.getHost() + ": no answer within "
                    + timeout.toSeconds() + " seconds.");
        } catch (IOException e) {
            throw new ImportRefused(ImportRefused.Reason.UNREACHABLE, "Could not reach " + uri.getHost() + ": "
                    + (e.getMessage() == null ? "the connection failed" : "the connection failed (" + e.getClass().getSimpleName() + ")") + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportRefused(ImportRefused.Reason.UNREACHABLE, "The fetch was interrupted.");
        }
    }

    private static URI parse(String address) {
        try {
            URI uri = URI.create(address.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new ImportRefused(ImportRefused.Reason.UNSUPPORTED_TYPE, "Give an http:// or https:// address.");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ImportRefused(ImportRefused.Reason.UNSUPPORTED_TYPE, "That is not a web address.");
        }
    }

    private void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ImportRefused(ImportRefused.Reason.FORBIDDEN_ADDRESS, "The page redirects to a non-web address.");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (forbidden(address)) {
                    throw new ImportRefused(ImportRefused.Reason.FORBIDDEN_ADDRESS, uri.getHost() + " points inside a private "
                            + "network; Crux only fetches public web pages.");
                }
            }
        } catch (UnknownHostException e) {
            throw new ImportRefused(ImportRefused.Reason.UNREACHABLE, "Could not reach " + uri.getHost() + ": no such host.");
        }
    }

    boolean forbidden(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return !allowLoopback;
        }
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    || first >= 240;
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean mapped = isMapped(b);
            if (mapped) {
                try {
                    return forbidden(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return uniqueLocal;
        }
        return true;
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static Charset charset(String contentType) {
        int at = contentType.indexOf("charset=");
        if (at < 0) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(contentType.substring(at + 8).replace("\"", "").split(";")[0].strip());
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
    }
}
