package app.crux.review;

import app.crux.web.ReaderCache;
import app.crux.web.Enums;
import app.crux.score.Strength;
import app.crux.account.Role;
import app.crux.evidence.Evidence;
import app.crux.web.BadInput;
import app.crux.web.CurrentUser;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.List;

/** Votes over JSON. Rating is blind: a reviewer sees others' votes on an item only after their own. */
@Path("/api/evidence/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VoteApi {

    /**
     * The body's shape, for the API description. A field left out keeps the stored value;
     * {@code null} (or "" for the rationale) clears it.
     */
    public record VoteRequest(String strength, Boolean disputesStance, String rationale) {
    }

    public record VoteResponse(long evidenceId, String strength, boolean disputesStance, @Schema(nullable = true) String rationale, boolean replaced,
            Votes.Tally tally) {
    }

    public record VoteView(String reviewer, String strength, boolean disputesStance, @Schema(nullable = true) String rationale) {
        static VoteView of(Votes.Row row) {
            return new VoteView(row.reviewer(), row.strength().name(), row.disputesStance(), row.rationale());
        }
    }

    /** While blind rating hides an item: {@code hidden}, {@code reason} and no votes; otherwise the votes and their tally. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VotesOnItem(boolean hidden, String reason, List<VoteView> votes, Votes.Tally tally) {
    }

    /** {@code tally}: null, since the caller has no rating on the item any more and is blind to it again. */
    public record Withdrawn(long evidenceId, boolean withdrawn, @Schema(nullable = true) Votes.Tally tally) {
    }

    @Inject
    ReviewService reviews;

    @Inject
    CurrentUser currentUser;

    @Inject
    BlindRating blind;

    @PUT
    @Path("vote")
    @RolesAllowed(Role.REVIEWER_NAME)
    public VoteResponse vote(@PathParam("id") long evidenceId,
            @RequestBody(content = @Content(schema = @Schema(implementation = VoteRequest.class))) JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadInput("Send {strength, disputesStance?, rationale?}.");
        }
        var cast = reviews.vote(evidenceId, currentUser.id(), new ReviewService.Ballot(strength(body), dispute(body), rationale(body)));
        return new VoteResponse(evidenceId, cast.strength().name(), cast.disputesStance(), cast.rationale(), cast.replaced(),
                cast.tally());
    }

    /** Takes back the caller's own rating; the item's weight is recomputed without it. */
    @DELETE
    @Path("vote")
    @RolesAllowed(Role.REVIEWER_NAME)
    public Withdrawn withdraw(@PathParam("id") long evidenceId) {
        reviews.withdraw(evidenceId, currentUser.id());
        // the caller has no rating on it any more: blind again, so no tally
        return new Withdrawn(evidenceId, true, null);
    }

    /** Every vote on an item — withheld from a reviewer who has not rated it yet. */
    @GET
    @Path("votes")
    @PermitAll
    @ReaderCache
    public VotesOnItem votes(@PathParam("id") long evidenceId) {
        Evidence item = Evidence.findById(evidenceId);
        if (item == null || !item.claim.visibleTo(currentUser.seesUnpublishedClaims())) {
            throw new NotFoundException("No evidence " + evidenceId);
        }
        if (blind.hides(evidenceId)) {
            return new VotesOnItem(true, "Rate this item first; then you see how others rated it.", List.of(), null);
        }
        List<Votes.Row> rows = Votes.onEvidence(evidenceId);
        return new VotesOnItem(false, null, rows.stream().map(VoteView::of).toList(), Votes.Tally.of(rows));
    }

    private static Field<Strength> strength(JsonNode body) {
        if (!body.has("strength")) {
            return Field.absent();
        }
        JsonNode node = body.get("strength");
        if (node.isNull()) {
            throw new BadInput("A rating keeps a strength: send HIGH, MODERATE, LOW or VERY_LOW, or withdraw the rating.");
        }
        return Field.of(Enums.parseOr400(Strength.class, node.isTextual() ? node.asText() : "", "Unknown strength "
                + (node.isTextual() ? "'" + node.asText() + "'" : node.toString()) + "; use HIGH, MODERATE, LOW or VERY_LOW."));
    }

    private static Field<Boolean> dispute(JsonNode body) {
        if (!body.has("disputesStance")) {
            return Field.absent();
        }
        JsonNode node = body.get("disputesStance");
        if (!node.isNull() && !node.isBoolean()) {
            throw new BadInput("disputesStance must be true, false or null.");
        }
        return Field.of(node.isBoolean() && node.booleanValue());
    }

    private static Field<String> rationale(JsonNode body) {
        if (!body.has("rationale")) {
            return Field.absent();
        }
        JsonNode node = body.get("rationale");
        if (!node.isNull() && !node.isTextual()) {
            throw new BadInput("rationale must be text or null.");
        }
        return Field.of(node.isNull() ? null : node.asText());
    }
}
