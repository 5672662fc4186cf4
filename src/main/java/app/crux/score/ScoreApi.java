package app.crux.score;

import app.crux.account.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /api/admin/recompute-scores}: rebuilds every claim's weights and score from the votes. */
@Path("/api/admin/recompute-scores")
@Produces(MediaType.APPLICATION_JSON)
public class ScoreApi {

    public record Recomputed(int claims) {
    }

    @Inject
    ScoreService scores;

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    public Recomputed recompute() {
        return new Recomputed(scores.recomputeAll());
    }
}
