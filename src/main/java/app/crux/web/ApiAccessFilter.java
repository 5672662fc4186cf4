package app.crux.web;

import app.crux.account.BearerTokenMechanism;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * /api rules that annotations cannot say: a presented but dead token is a 401
 * (not a silent downgrade to anonymous), and writes take bearer tokens only, so
 * a browser's session cookie can never be ridden into the API from another site.
 */
public class ApiAccessFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String TOKEN_ENDPOINT = "/api/auth/token";

    @Inject
    CurrentUser currentUser;

    /** Pre-matching, so it runs before the role checks of the matched resource. */
    @ServerRequestFilter(preMatching = true)
    public Response checkApiCredentials(ContainerRequestContext request, RoutingContext http) {
        String path = http.normalizedPath();
        if (!path.startsWith("/api/")) {
            return null;
        }
        if (Boolean.TRUE.equals(http.get(BearerTokenMechanism.REJECTED_TOKEN))) {
            return ErrorPages.json(401, "The bearer token is unknown, expired or revoked.", List.of(), Map.of());
        }
        boolean write = !READS.contains(request.getMethod());
        if (write && !path.equals(TOKEN_ENDPOINT) && currentUser.loggedIn() && !currentUser.viaBearer()) {
            return ErrorPages.json(401, "API writes need 'Authorization: Bearer <token>'; a session cookie is not enough.",
                    List.of(), Map.of());
        }
        return null;
    }
}
