package app.crux.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body is over the limit before it is read,
 * with a message instead of Quarkus' empty 413 (which still guards bodies sent
 * without a Content-Length).
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route().order(-100).handler(this::check);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= maxBodySize.asLongValue()) {
            context.next();
            return;
        }
        long megabytes = maxBodySize.asLongValue() / (1024 * 1024);
        String message = "The request is larger than " + megabytes + " MB, the most Crux accepts. Split the document or upload a smaller file.";
        var response = context.response().setStatusCode(413).putHeader(HttpHeaders.CONNECTION, "close");
        if (Requests.wantsJson(context.request())) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(io.vertx.core.json.Json.encode(java.util.Map.of("error", message, "details", java.util.List.of())));
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8")
                    .end("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too large · Crux</title>"
                            + "<link rel=\"stylesheet\" href=\"/css/crux.css\"></head><body><main class=\"page narrow\">"
                            + "<h1>Too large</h1><p>" + message + "</p><p><a href=\"/\">Back to Crux</a></p>"
                            + "</main></body></html>");
        }
    }
}
