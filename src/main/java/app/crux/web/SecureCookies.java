package app.crux.web;

import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import app.crux.CruxConfig;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;

/**
 * In production every cookie Crux sets is {@code Secure}: the session (form login marks it
 * Secure only when the request itself arrived over TLS, which behind a proxy it does not),
 * the CSRF token and the flash message. Done once here, as the headers are written, so a
 * cookie added tomorrow is covered too.
 */
@ApplicationScoped
public class SecureCookies {

    @Inject
    CruxConfig config;

    void install(@Observes Router router) {
        if (config.http().secureCookies()) {
            router.route().order(PathGuard.ORDER + 1).handler(this::markSecure);
        }
    }

    private void markSecure(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            var headers = context.response().headers();
            List<String> raw = headers.getAll("Set-Cookie");
            if (!raw.isEmpty()) {
                headers.remove("Set-Cookie");
                for (String cookie : raw) {
                    headers.add("Set-Cookie", secured(cookie));
                }
            }
            // cookies added through Vert.x (form login, quarkus-rest-csrf) are encoded after this handler
            for (var cookie : context.request().cookies()) {
                if (cookie instanceof ServerCookie server && server.isChanged() && !cookie.isSecure()) {
                    cookie.setSecure(true);
                }
            }
        });
        context.next();
    }

    static String secured(String setCookie) {
        for (String attribute : setCookie.split(";")) {
            if (attribute.strip().toLowerCase(Locale.ROOT).equals("secure")) {
                return setCookie;
            }
        }
        return setCookie + "; Secure";
    }
}
