package app.crux.review;

import app.crux.account.Role;
import app.crux.evidence.Evidence;
import app.crux.web.BadInput;
import app.crux.web.CurrentUser;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** Votes over JSON. Rating is blind: a reviewer sees others' votes on an item only after their own. */
@Path("/api/evidence/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VoteApi {

    public record VoteRequest(String strength, Boolean disputesStance, String rationale) {
    }

    public record VoteResponse(long evidenceId, String strength, boolean disputesStance, String rationale, boolean replaced,
            Votes.Tally tally) {
    }

    @Inject
    ReviewService reviews;

    @Inject
    CurrentUser currentUser;

    @PUT
    @Path("vote")
    @RolesAllowed(Role.REVIEWER_NAME)
    public VoteResponse vote(@PathParam("id") long evidenceId, VoteRequest request) {
        if (request == null) {
            throw new BadInput("Send {strength, disputesStance?, rationale?}.");
        }
        Strength strength;
        try {
            strength = Strength.valueOf(request.strength() == null ? "" : request.strength());
        } catch (IllegalArgumentException e) {
            throw new BadInput("Unknown strength '" + request.strength() + "'; use HIGH, MODERATE, LOW or VERY_LOW.");
        }
        var cast = reviews.vote(evidenceId, currentUser.id(), new ReviewService.Ballot(strength,
                Boolean.TRUE.equals(request.disputesStance()), request.rationale()));
        return new VoteResponse(evidenceId, strength.name(), cast.ballot().disputesStance(), cast.ballot().rationale(),
                cast.replaced(), Votes.tally(evidenceId));
    }

    /** Every vote on an item — withheld from a reviewer who has not rated it yet. */
    @GET
    @Path("votes")
    @PermitAll
    public Map<String, Object> votes(@PathParam("id") long evidenceId) {
        Evidence item = Evidence.findById(evidenceId);
        if (item == null || !item.claim.visibleTo(currentUser.seesUnpublishedClaims())) {
            throw new NotFoundException("No evidence " + evidenceId);
        }
        List<Votes.Row> rows = Votes.onEvidence(evidenceId);
        if (currentUser.isReviewer() && rows.stream().noneMatch(r -> r.reviewerId() == currentUser.id())) {
            return Map.of("hidden", true, "reason", "Rate this item first; then you see how others rated it.", "votes", List.of());
        }
        return Map.of("hidden", false, "votes", rows.stream().map(Votes.Row::publicView).toList(), "tally", Votes.tally(evidenceId));
    }
}
