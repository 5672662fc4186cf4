package app.crux.review;

import app.crux.account.Role;
import app.crux.claim.Claim;
import app.crux.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Asking named reviewers to rate a claim's evidence, and how far they have come ("rated by 2 of 3 asked"). */
@Path("/api/claims/{id}/rating-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RatingRequestApi {

    /** Usernames of reviewers. */
    public record Ask(List<String> reviewers) {
    }

    public record AskedJson(String username, String name, long itemsRated, long items, boolean done) {
        static AskedJson of(RatingRequests.Asked a) {
            return new AskedJson(a.username(), a.name(), a.itemsRated(), a.items(), a.done());
        }
    }

    /** {@code done} of {@code asked} reviewers have rated every item; {@code newlyAsked} only in the answer to a POST. */
    public record ProgressJson(long claimId, long done, int asked, List<AskedJson> reviewers, List<String> newlyAsked) {
    }

    @Inject
    RatingRequestService requests;

    @Inject
    RatingRequests progress;

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed({Role.REVIEWER_NAME, Role.EDITOR_NAME})
    public ProgressJson progress(@PathParam("id") long claimId) {
        visible(claimId);
        return answer(claimId, List.of());
    }

    @POST
    @RolesAllowed(Role.EDITOR_NAME)
    public ProgressJson ask(@PathParam("id") long claimId,
            @NotNull(message = "Send {reviewers: [usernames]}.") Ask request) {
        return answer(claimId, requests.ask(claimId, request.reviewers()));
    }

    private void visible(long claimId) {
        Claim claim = Claim.findById(claimId);
        if (claim == null || !claim.visibleTo(currentUser.seesUnpublishedClaims())) {
            throw new NotFoundException("No claim " + claimId);
        }
    }

    private ProgressJson answer(long claimId, List<String> newlyAsked) {
        RatingRequests.Progress p = progress.progress(claimId);
        return new ProgressJson(claimId, p.done(), p.total(), p.asked().stream().map(AskedJson::of).toList(), newlyAsked);
    }
}
