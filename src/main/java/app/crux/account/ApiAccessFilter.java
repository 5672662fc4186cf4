package app.crux.account;

import app.crux.web.CurrentUser;
import app.crux.web.ErrorPages;
import app.crux.web.Resources;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.util.List;
import java.util.Map;

/**
 * /api rules that annotations cannot say: a presented but dead token is a 401
 * (not a silent downgrade to anonymous), and writes take bearer tokens only, so
 * a browser's session cookie can never be ridden into the API from another site.
 * Whether a request is an API call is decided by the resource it matched
 * ({@link Resources#isApi}), never by the text of its path, which routing
 * may read differently ({@code //api}, {@code /./api}, {@code /api;x}).
 */
public class ApiAccessFilter {

    @Inject
    CurrentUser currentUser;

    /** Pre-matching, so a dead token is answered before the role checks of the matched resource. */
    @ServerRequestFilter(preMatching = true)
    public Response refuseDeadToken(RoutingContext http) {
        if (Boolean.TRUE.equals(http.get(BearerTokenMechanism.REJECTED_TOKEN))) {
            return ErrorPages.json(401, "The bearer token is unknown, expired or revoked.", List.of(), Map.of());
        }
        return null;
    }

    @ServerRequestFilter
    public Response bearerOnlyForApiWrites(ContainerRequestContext request, SimpleResourceInfo resource) {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        if (type == null || !Resources.isApi(type) || !Resources.isWrite(request.getMethod())
                || type == TokenApi.class) { // trades a password for a token: a session cookie beside it changes nothing
            return null;
        }
        if (currentUser.loggedIn() && !currentUser.viaBearer()) {
            return ErrorPages.json(401, "API writes need 'Authorization: Bearer <token>'; a session cookie is not enough.",
                    List.of(), Map.of());
        }
        return null;
    }
}
