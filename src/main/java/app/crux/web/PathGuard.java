package app.crux.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;


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
        boolean json = Requests.wantsJson(context.request())
                || context.request().path().toLowerCase(java.util.Locale.ROOT).startsWith("/api");
        ErrorPages.refuseEarly(context, 400, "Bad address", message, json);
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
