package app.crux.account;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;

/** {@code POST /api/auth/token}: a username and password in, a bearer token out. */
@Path("/api/auth/token")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TokenApi {

    public record Credentials(@NotNull(message = "username is missing.") String username,
            @NotNull(message = "password is missing.") String password) {
    }

    public record TokenResponse(String token, Instant expiresAt) {
    }

    @Inject
    AccountService accounts;

    @Inject
    ApiTokenService tokens;

    @POST
    @PermitAll
    public TokenResponse issue(@Valid @NotNull(message = "Send {username, password}.") Credentials credentials, @Context HttpServerRequest http) {
        // a refusal (LoginRefused) is answered 401 by its mapper in ErrorPages
        User user = accounts.signIn(credentials.username(), credentials.password(), http.remoteAddress().hostAddress());
        var issued = tokens.issue(user.id, "API sign-in " + Instant.now().toString().substring(0, 16));
        return new TokenResponse(issued.token(), issued.expiresAt());
    }
}
