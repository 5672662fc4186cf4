package app.crux.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * Page writes (POST, PUT, PATCH, DELETE on a resource that is not {@code ...Api}) take a form
 * body carrying the CSRF token, nothing else. quarkus-rest-csrf checks the token of form bodies
 * but lets every other content type through unchecked (it has to: the JSON API shares its
 * filter), so a {@code text/plain} or type-less POST would skip the check. This filter does not
 * rely on running before or after it: it refuses anything that is not a form (415) and checks
 * the token itself (403); quarkus-rest-csrf's own refusal is answered 403 too (ErrorPageFilter).
 */
public class PageWriteGuard {

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name")
    String fieldName;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name")
    String cookieName;

    @ServerRequestFilter(priority = Priorities.USER)
    @WithFormRead
    public void formsWithTokenOnly(ResteasyReactiveContainerRequestContext request, SimpleResourceInfo resource, RoutingContext http) {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        if (type == null || Resources.isApi(type) || !Resources.isWrite(request.getMethod())) {
            return;
        }
        if (!isForm(request.getMediaType())) {
            request.abortWith(ErrorPages.answer(http.request(), 415, "Unsupported Media Type",
                    "This address takes a form (application/x-www-form-urlencoded or multipart/form-data). Nothing was changed.",
                    List.of(), Map.of()));
            return;
        }
        var cookie = http.request().getCookie(cookieName);
        Object field = request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context
                ? context.getFormParameter(fieldName, true, false) : null;
        if (cookie == null || !(field instanceof String token) || !same(token, cookie.getValue())) {
            request.abortWith(csrfRefused(http.request()));
        }
    }

    /**
     * Exactly the two form types, spelt as quarkus-rest-csrf compares them (case-sensitive), so that
     * whatever it does not recognise as a form, and so does not check, is refused here.
     */
    static boolean isForm(MediaType type) {
        return type != null && ("application".equals(type.getType()) && "x-www-form-urlencoded".equals(type.getSubtype())
                || "multipart".equals(type.getType()) && "form-data".equals(type.getSubtype()));
    }

    private static boolean same(String a, String b) {
        return b != null && !b.isEmpty() && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static final String CSRF_MESSAGE = "The form could not be accepted: its security token is missing or out of date. "
            + "If you had it open for a long time, reload the page and try again. Nothing was changed.";

    static Response csrfRefused(io.vertx.core.http.HttpServerRequest request) {
        return ErrorPages.answer(request, 403, "Form refused", CSRF_MESSAGE, List.of(), Map.of());
    }
}
