package app.crux.account;

import app.crux.web.BadInput;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code POST /api/auth/token}: a username and password in, a bearer token out. */
@Path("/api/auth/token")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TokenApi {

    public record Credentials(String username, String password) {
    }

    public record TokenResponse(String token, Instant expiresAt) {
    }

    @Inject
    AccountService accounts;

    @Inject
    ApiTokenService tokens;

    @POST
    @PermitAll
    public Response issue(Credentials credentials, @Context HttpServerRequest http) {
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            throw new BadInput("Send {username, password}.");
        }
        try {
            User user = accounts.signIn(credentials.username(), credentials.password(), http.remoteAddress().hostAddress());
            var issued = tokens.issue(user.id, "API sign-in " + Instant.now().toString().substring(0, 16));
            return Response.ok(new TokenResponse(issued.token(), issued.expiresAt())).build();
        } catch (LoginRefused refused) {
            return Response.status(401).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", refused.getMessage(), "details", List.of())).build();
        }
    }
}
