package app.crux.web;

import io.vertx.core.http.HttpServerRequest;

/** Questions about the incoming request that several filters and mappers ask. */
public final class Requests {

    private Requests() {
    }

    /** JSON for the API and for clients that ask for it; HTML pages for browsers. */
    public static boolean wantsJson(HttpServerRequest request) {
        if (request.path().startsWith("/api/") || request.path().equals("/api")) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }
}
