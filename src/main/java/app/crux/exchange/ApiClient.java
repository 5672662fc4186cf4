package app.crux.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line as a client of a running Crux's JSON API ({@code CRUX_URL}, {@code CRUX_TOKEN}):
 * the server keeps the only connection to its database, so commands and server never compete
 * for one data folder.
 */
public final class ApiClient implements FileImport.Sink {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    public ApiClient(String base, String token) {
        this.base = base.replaceAll("/+$", "");
        this.token = token;
    }

    /** Text already extracted and normalised here; the server normalises it again (a no-op) and stores it. */
    @Override
    public FileImport.Outcome store(String title, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("text", text);
        HttpResponse<String> response = send(request("/api/documents").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
        JsonNode answer = tree(response.body());
        return switch (response.statusCode()) {
            case 201 -> FileImport.Outcome.imported(answer.path("slug").asText());
            case 409 -> FileImport.Outcome.duplicate(answer.path("existingSlug").asText(answer.path("error").asText()));
            case 401, 403 -> throw new IllegalStateException("The server refused the token (" + response.statusCode()
                    + "): " + answer.path("error").asText() + " Give an editor's token in CRUX_TOKEN.");
            default -> FileImport.Outcome.refused(answer.path("error").asText("HTTP " + response.statusCode())
                    + (answer.path("details").isEmpty() ? "" : " " + answer.path("details")));
        };
    }

    /** GET /api/export into {@code file}, streamed to disk. */
    public void export(Path file) {
        try {
            HttpResponse<Path> response = http.send(request("/api/export").GET().build(),
                    HttpResponse.BodyHandlers.ofFile(file));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The export failed: HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST /api/import; the answer (a report or the refusal) as the server gave it. */
    public HttpResponse<String> importDataset(Path file, boolean merge) {
        try {
            return send(request("/api/import" + (merge ? "?mode=merge" : "")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofMinutes(10));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reach " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
