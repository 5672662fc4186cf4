package app.crux.reading;

import app.crux.account.Role;
import app.crux.claim.ClaimVisibility;
import app.crux.evidence.Evidence;
import app.crux.evidence.EvidenceCorrections;
import app.crux.evidence.EvidenceJson;
import app.crux.evidence.EvidenceService;
import app.crux.evidence.Stance;
import app.crux.evidence.StaleEvidence;
import app.crux.review.BlindRating;
import app.crux.web.BadInput;
import app.crux.web.Conflict;
import app.crux.web.ETags;
import app.crux.web.Enums;
import app.crux.web.PreconditionFailed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One evidence item over JSON: read (with its version as ETag), corrected with optimistic locking, detached
 * softly and restored. A detached item, and any item of a claim the caller may not see, is 404 for everyone
 * but editors; ratings follow the blind-rating rule as on the claim page.
 */
@Path("/api/evidence/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvidenceItemApi {

    /**
     * A correction; a field left out (or null) keeps its value, an empty one clears it. {@code version}: the one
     * edited, for optimistic locking; may be left out when an {@code If-Match} header names it.
     */
    public record EvidenceEdit(Integer version, String stance,
            @Size(max = 2000, message = "at most 2000 characters") String note,
            @Size(max = 200, message = "at most 200 characters") String population,
            @Size(max = 200, message = "at most 200 characters") String intervention,
            @Size(max = 200, message = "at most 200 characters") String comparison,
            @Size(max = 200, message = "at most 200 characters") String outcome,
            @Size(max = 200, message = "at most 200 characters") String studyType) {
    }

    @Inject
    EvidenceCorrections corrections;

    @Inject
    ClaimVisibility visibility;

    @Inject
    BlindRating blind;

    @GET
    @PermitAll
    public RestResponse<EvidenceJson> get(@PathParam("id") long id) {
        Evidence evidence = Evidence.includingDetached(id);
        if (evidence == null || !visibility.canSee(evidence.claim) || (evidence.detached() && !visibility.seesUnpublished())) {
            throw new NotFoundException("No evidence " + id);
        }
        return tagged(evidence);
    }

    @PATCH
    @RolesAllowed(Role.EDITOR_NAME)
    public RestResponse<EvidenceJson> edit(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull(message = "Send {version, stance?, note?, population?, ...}: the version you edited, for optimistic locking.")
            EvidenceEdit request) {
        Integer matched = ETags.ifMatch(ifMatch);
        Integer version = matched != null ? matched : request.version();
        if (version == null) {
            throw new BadInput("Send the version you edited, for optimistic locking (in the body, or as If-Match).",
                    List.of("version: missing"));
        }
        Stance stance = request.stance() == null ? null
                : Enums.parseOr400(Stance.class, request.stance(), "stance must be SUPPORTS or CONFLICTS.");
        var context = new EvidenceService.Context(request.population(), request.intervention(), request.comparison(),
                request.outcome(), request.studyType());
        return locked(id, matched != null,
                () -> corrections.edit(id, new EvidenceCorrections.Correction(version, stance, request.note(), context)));
    }

    /** Detaches the item (soft: an editor can restore it); {@code If-Match}, when sent, must name its current version. */
    @DELETE
    @RolesAllowed(Role.EDITOR_NAME)
    public RestResponse<EvidenceJson> detach(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Integer matched = ETags.ifMatch(ifMatch);
        return locked(id, true, () -> corrections.detach(id, matched));
    }

    /** Takes no body; like the claims' retract and restore it is a JSON route (a form type would open it to CSRF checks). */
    @POST
    @Path("restore")
    @RolesAllowed(Role.EDITOR_NAME)
    public RestResponse<EvidenceJson> restore(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Integer matched = ETags.ifMatch(ifMatch);
        return locked(id, true, () -> corrections.restore(id, matched));
    }

    /** Runs a write; a stale version is 412 when If-Match named it, else 409, each with the item as it is now. */
    private RestResponse<EvidenceJson> locked(long id, boolean fromIfMatch, Supplier<Evidence> write) {
        try {
            write.get();
        } catch (StaleEvidence stale) {
            EvidenceJson current = json(Evidence.includingDetached(id));
            if (fromIfMatch) {
                throw new PreconditionFailed(stale.getMessage(), Map.of("currentVersion", current.version(), "current", current));
            }
            throw new Conflict(stale.getMessage(), Map.of("current", current));
        }
        return tagged(Evidence.includingDetached(id));
    }

    private RestResponse<EvidenceJson> tagged(Evidence evidence) {
        return RestResponse.ResponseBuilder.ok(json(evidence)).header(HttpHeaders.ETAG, ETags.of(evidence.version)).build();
    }

    private EvidenceJson json(Evidence evidence) {
        EvidenceJson json = EvidenceJson.of(evidence);
        return blind.maySee(evidence.id) ? json : json.withoutRatings();
    }
}
