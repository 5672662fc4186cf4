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
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        ErrorPages.refuseEarly(context, 413, "Too large", message, Requests.wantsJson(context.request()));
    }
}
