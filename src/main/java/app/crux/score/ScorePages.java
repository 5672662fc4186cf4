package app.crux.score;

import app.crux.account.AccountPaths;
import app.crux.account.Role;
import app.crux.web.Flash;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Admin maintenance: recompute every claim's scores from the votes. */
@Blocking
@Path("/admin/scores/recompute")
@RolesAllowed(Role.ADMIN_NAME)
public class ScorePages {

    @Inject
    ScoreService scores;

    @POST
    public Response recompute() {
        int claims = scores.recomputeAll();
        return Flash.redirect(URI.create(AccountPaths.USERS), "Recomputed the scores of " + claims + " claim(s) from the votes.");
    }
}
