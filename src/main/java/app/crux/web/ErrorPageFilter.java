package app.crux.web;

import io.vertx.core.http.HttpServerRequest;
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
    public void explainEmptyErrors(ContainerResponseContext response, HttpServerRequest request) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity()) {
            return;
        }
        String message = switch (status) {
            case 400 -> "The form could not be accepted. If you had it open for a long time, reload the page and try again.";
            case 405 -> "This address does not accept that kind of request.";
            case 406, 415 -> "This address does not accept or produce that format.";
            default -> "The request was refused.";
        };
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        String title = reason == null ? "Request refused" : reason.getReasonPhrase();
        if (Requests.wantsJson(request)) {
            String apiMessage = status == 400 ? "The request could not be accepted; send a JSON body with 'Content-Type: application/json'."
                    : message;
            response.setEntity(Map.of("error", apiMessage, "details", List.of()), null, MediaType.APPLICATION_JSON_TYPE);
        } else {
            response.setEntity(ErrorPages.Templates.error(status, title, message, List.of()), null,
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }
}
