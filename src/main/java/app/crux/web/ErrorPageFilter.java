package app.crux.web;

import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;
import java.util.Map;

/**
 * Some refusals come back without a body (a form posted without its CSRF token,
 * a wrong method or media type). Give them the same page or JSON as every other error.
 */
public class ErrorPageFilter {

    @ServerResponseFilter
    public void explainEmptyErrors(ContainerRequestContext request, ContainerResponseContext response, RoutingContext http) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity()) {
            return;
        }
        if (csrfRefusal(request, status, http)) {
            // quarkus-rest-csrf answers a missing or wrong token with an empty 400; it is a refusal, not bad syntax
            Response refused = PageWriteGuard.csrfRefused(http.request());
            response.setStatus(refused.getStatus());
            response.setEntity(rendered(refused.getEntity()), null, refused.getMediaType());
            return;
        }
        String message = Refusals.message(status);
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        String title = reason == null ? "Request refused" : reason.getReasonPhrase();
        if (Requests.wantsJson(http.request())) {
            String apiMessage = status == 400 ? "The request could not be accepted; send a JSON body with 'Content-Type: application/json'."
                    : message;
            response.setEntity(Map.of("error", apiMessage, "details", List.of()), null, MediaType.APPLICATION_JSON_TYPE);
        } else {
            response.setEntity(rendered(ErrorPages.Templates.error(status, title, message, List.of())), null, HtmlPage.TYPE);
        }
    }

    /**
     * Rendered here rather than left to Qute's own response filter: on a request refused before its resource ran
     * (a bad CSRF cookie on a page with name-bound filters such as ReaderCacheFilter) that filter may already
     * have run, and the page would go out as the template object's name.
     */
    private static Object rendered(Object entity) {
        return entity instanceof TemplateInstance template ? template.render() : entity;
    }

    /** Set by quarkus-rest-csrf once it found the token of this request right. */
    private static final String CSRF_TOKEN_VERIFIED = "csrf_token_verified";

    /** An empty 400 to a form write whose CSRF token was not verified can only come from the CSRF check. */
    private static boolean csrfRefusal(ContainerRequestContext request, int status, RoutingContext http) {
        return status == 400 && Resources.isWrite(request.getMethod()) && PageWriteGuard.isForm(request.getMediaType())
                && !Boolean.TRUE.equals(http.get(CSRF_TOKEN_VERIFIED));
    }
}
