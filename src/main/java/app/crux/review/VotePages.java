package app.crux.review;

import app.crux.account.Role;
import app.crux.web.BadInput;
import app.crux.web.CurrentUser;
import app.crux.web.Flash;
import app.crux.web.ReturnAddress;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;

/** The compact vote form on evidence cards and in the review queue. */
@Blocking
@Path("/evidence/{id}/vote")
@RolesAllowed(Role.REVIEWER_NAME)
public class VotePages {

    @Inject
    ReviewService reviews;

    @Inject
    CurrentUser currentUser;

    @POST
    public Response vote(@PathParam("id") long evidenceId, @RestForm String strength, @RestForm String disputesStance,
            @RestForm String rationale, @RestForm String back) {
        URI returnTo = URI.create(ReturnAddress.sameSite(back, "/review"));
        Strength chosen;
        try {
            chosen = Strength.valueOf(strength == null ? "" : strength);
        } catch (IllegalArgumentException e) {
            return Flash.redirect(returnTo, Flash.Kind.ALERT, "Choose how strong the passage is before saving.");
        }
        try {
            var cast = reviews.vote(evidenceId, currentUser.id(),
                    new ReviewService.Ballot(chosen, disputesStance != null, rationale));
            boolean claimPage = returnTo.getPath().startsWith("/claims/");
            return Flash.redirect(claimPage ? URI.create(returnTo.getPath() + "#evidence-" + evidenceId) : returnTo,
                    (cast.replaced() ? "Rating replaced: " : "Rated ") + chosen.label.toLowerCase() + ".");
        } catch (BadInput e) {
            return Flash.redirect(returnTo, Flash.Kind.ALERT, e.getMessage());
        }
    }
}
