package app.crux.reading;

import app.crux.account.Role;
import app.crux.claim.Claim;
import app.crux.claim.ClaimVisibility;
import app.crux.claim.MergeService;
import app.crux.review.BlindRating;
import app.crux.web.BadInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merging over JSON: what a merge would move ({@code GET ?into=}), the merge with a choice per
 * passage both claims quote, and undoing it while nothing it moved has changed (409 otherwise).
 */
@Path("/api/claims/{id}/merge")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.EDITOR_NAME)
public class MergeApi {

    /** Which item a passage both claims quote keeps on the target: {@code evidenceId} is the merged claim's item. */
    public record SharedChoice(@NotNull(message = "shared[].evidenceId is missing.") Long evidenceId,
            @NotNull(message = "shared[].keep is missing: SOURCE or TARGET.") MergeService.Keep keep) {
    }

    /** {@code shared}: needed for each passage quoted with opposite stances (see the preview); others keep the target's item. */
    public record MergeRequest(@NotNull(message = "Send {into: id of the claim to merge into}.") Long into,
            @Valid @Size(max = 1000, message = "At most 1000 choices.") List<@NotNull(message = "shared[] holds a null.") SharedChoice> shared) {
    }

    @Inject
    MergeService merges;

    @Inject
    ClaimVisibility visibility;

    @Inject
    BlindRating blind;

    @GET
    public MergePreview preview(@PathParam("id") long id, @QueryParam("into") Long into) {
        if (into == null) {
            throw new BadInput("Say which claim to merge into: ?into=<claim id>.");
        }
        Claim from = claim(id);
        Claim target = claim(into);
        merges.check(from, target);
        return MergePreview.of(from, target, blind);
    }

    @POST
    public ClaimJson merge(@PathParam("id") long id, @Valid @NotNull(message = "Send {into: id of the claim to merge into}.") MergeRequest request) {
        // no claim is read here before the write: this request's session would keep the old state
        merges.merge(id, request.into(), choices(request.shared()));
        return ClaimJson.of(ClaimView.of(load(request.into())), blind);
    }

    /** Undoes the merge that closed this claim; answers the claim as it is again. */
    @POST
    @Path("undo")
    public ClaimJson undo(@PathParam("id") long id) {
        merges.undo(id, null);
        return ClaimJson.of(ClaimView.of(load(id)), blind);
    }

    private Claim claim(long id) {
        return visibility.require(Claim.<Claim>findById(id), id);
    }

    private static Claim load(long id) {
        return Claim.findWithTags(id).orElseThrow(() -> new jakarta.ws.rs.NotFoundException("No claim " + id));
    }

    private static Map<Long, MergeService.Keep> choices(List<SharedChoice> shared) {
        Map<Long, MergeService.Keep> choices = new LinkedHashMap<>();
        for (SharedChoice choice : shared == null ? List.<SharedChoice>of() : shared) {
            if (choices.put(choice.evidenceId(), choice.keep()) != null) {
                throw new BadInput("Evidence " + choice.evidenceId() + " is chosen twice in shared[].");
            }
        }
        return choices;
    }
}
