package app.crux.review;

import app.crux.web.Enums;
import app.crux.score.Strength;
import app.crux.claim.ClaimPaths;
import app.crux.account.Role;
import app.crux.web.BadInput;
import app.crux.web.CurrentUser;
import app.crux.web.Flash;
import app.crux.web.ReturnAddress;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.List;

/**
 * The vote forms on evidence cards and in the review queue, and withdrawing a rating.
 * A field the form does not carry keeps the stored value: the dispute checkbox comes
 * with a hidden "false" before it, so "unchecked" (sent false) differs from "not on this form" (absent).
 */
@Blocking
@Path("/evidence/{id}/vote")
@RolesAllowed(Role.REVIEWER_NAME)
public class VotePages {

    @Inject
    ReviewService reviews;

    @Inject
    CurrentUser currentUser;

    @POST
    public Response vote(@PathParam("id") long evidenceId, @RestForm String strength, @RestForm List<String> disputesStance,
            @RestForm String rationale, @RestForm String back) {
        URI returnTo = returnTo(back);
        Field<Strength> chosen = Field.absent();
        if (strength != null) {
            var parsed = Enums.parse(Strength.class, strength);
            if (parsed.isEmpty()) {
                return Flash.redirect(returnTo, Flash.Kind.ALERT, "Choose how strong the passage is before saving.");
            }
            chosen = Field.of(parsed.get());
        }
        Field<Boolean> dispute = disputesStance == null || disputesStance.isEmpty() ? Field.absent()
                : Field.of(disputesStance.stream().anyMatch(v -> v.equals("true") || v.equals("1") || v.equals("on")));
        Field<String> why = rationale == null ? Field.absent() : Field.of(rationale);
        try {
            var cast = reviews.vote(evidenceId, currentUser.id(), new ReviewService.Ballot(chosen, dispute, why));
            return Flash.redirect(onCard(returnTo, evidenceId),
                    (cast.replaced() ? "Rating replaced: " : "Rated ") + cast.strength().label.toLowerCase() + ".");
        } catch (BadInput e) {
            return Flash.redirect(returnTo, Flash.Kind.ALERT, e.getMessage());
        }
    }

    @POST
    @Path("withdraw")
    public Response withdraw(@PathParam("id") long evidenceId, @RestForm String back) {
        URI returnTo = returnTo(back);
        try {
            reviews.withdraw(evidenceId, currentUser.id());
            return Flash.redirect(onCard(returnTo, evidenceId), "Rating withdrawn; others' ratings of this passage are hidden again.");
        } catch (BadInput | NotFoundException e) {
            return Flash.redirect(returnTo, Flash.Kind.ALERT, e.getMessage());
        }
    }

    private static URI returnTo(String back) {
        return URI.create(ReturnAddress.sameSite(back, ReviewPaths.QUEUE));
    }

    private static URI onCard(URI returnTo, long evidenceId) {
        return ClaimPaths.isClaimPage(returnTo.getPath()) ? URI.create(returnTo.getPath() + "#evidence-" + evidenceId) : returnTo;
    }
}
