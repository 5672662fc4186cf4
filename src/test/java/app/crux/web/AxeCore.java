package app.crux.web;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * axe-core, the accessibility checker, fetched once from the npm registry (pinned
 * version, verified against the registry's sha512 integrity) and cached under target/.
 */
public final class AxeCore {

    static final String VERSION = "4.14.1";
    private static final String TARBALL = "https://registry.npmjs.org/axe-core/-/axe-core-" + VERSION + ".tgz";
    private static final String INTEGRITY =
            "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==";
    private static final Path CACHE = Path.of("target", "axe-core-" + VERSION + ".min.js");

    private AxeCore() {
    }

    public static synchronized String script() {
        try {
            if (!Files.exists(CACHE)) {
                byte[] tarball = download();
                String digest = "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(tarball));
                if (!digest.equals(INTEGRITY)) {
                    throw new IllegalStateException("axe-core tarball does not match its published integrity");
                }
                Files.createDirectories(CACHE.getParent());
                Files.write(CACHE, untar(tarball, "package/axe.min.js"));
            }
            return Files.readString(CACHE, StandardCharsets.UTF_8);
        } catch (IOException | InterruptedException e) {
            if (System.getenv("CRUX_REQUIRE_BROWSER") != null) {
                throw new IllegalStateException("axe-core could not be fetched from the npm registry", e);
            }
            Assumptions.abort("axe-core could not be fetched from the npm registry: " + e.getMessage());
            return null;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] download() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(TARBALL)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("npm registry answered " + response.statusCode());
        }
        return response.body();
    }

    /** Reads one file out of a .tgz (ustar headers: name at 0, octal size at 124, 512-byte blocks). */
    private static byte[] untar(byte[] tgz, String wanted) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(tgz))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512) {
                String name = new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "").strip();
                if (name.isEmpty()) {
                    break;
                }
                String octal = new String(header, 124, 12, StandardCharsets.US_ASCII).replace("\0", "").strip();
                long size = octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
                byte[] content = in.readNBytes((int) size);
                long padding = (512 - size % 512) % 512;
                in.skipNBytes(padding);
                if (name.equals(wanted)) {
                    return content;
                }
            }
        }
        throw new IOException(wanted + " not found in the axe-core tarball");
    }

}
