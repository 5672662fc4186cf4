package app.crux.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Map;

/**
 * Refuses a request whose path carries a {@code ;} (raw or as {@code %3B}) before anything
 * else sees it: routing drops matrix parameters ({@code /api;x/...} matches {@code /api/...})
 * while path-based checks compare the raw text, the class of bug of CVE-2026-39852. Crux has
 * no use for matrix parameters, so they are refused for every address, static files included.
 */
@ApplicationScoped
public class PathGuard {

    /** Ahead of Quarkus' CORS (order -300) and authentication (-200) filters. */
    static final int ORDER = -10_000;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        if (!hasMatrixParameter(context.request().uri())) {
            context.next();
            return;
        }
        String message = "This address contains ';', which Crux does not accept. Remove it and try again.";
        var response = context.response().setStatusCode(400);
        if (Requests.wantsJson(context.request()) || context.request().path().toLowerCase(java.util.Locale.ROOT).startsWith("/api")) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(io.vertx.core.json.Json.encode(Map.of("error", message, "details", List.of())));
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8")
                    .end("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bad address · Crux</title>"
                            + "<link rel=\"stylesheet\" href=\"/css/crux.css\"></head><body><main class=\"page narrow\">"
                            + "<h1>Bad address</h1><p>" + message + "</p><p><a href=\"/\">Back to Crux</a></p>"
                            + "</main></body></html>");
        }
    }

    /** The path part of a request target (before {@code ?} or {@code #}) contains {@code ;} or {@code %3B}. */
    static boolean hasMatrixParameter(String uri) {
        if (uri == null) {
            return false;
        }
        int end = uri.length();
        int query = uri.indexOf('?');
        if (query >= 0) {
            end = query;
        }
        int fragment = uri.indexOf('#');
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        String path = uri.substring(0, end);
        return path.indexOf(';') >= 0 || path.toUpperCase(java.util.Locale.ROOT).contains("%3B");
    }
}
