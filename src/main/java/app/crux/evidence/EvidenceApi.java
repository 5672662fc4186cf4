package app.crux.evidence;

import app.crux.web.Enums;
import app.crux.claim.ClaimPaths;
import app.crux.account.Role;
import app.crux.document.anchoring.Passage;
import app.crux.web.BadInput;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/** {@code POST /api/claims/{id}/evidence}: a passage attached to a claim, for or against. */
@Path("/api/claims/{id}/evidence")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvidenceApi {

    public record NewEvidenceRequest(@NotNull(message = "documentId is missing.") Long documentId,
            @NotNull(message = "stance must be SUPPORTS or CONFLICTS.") String stance, String exact, String prefix, String suffix,
            Integer start, Integer end, @Size(max = 2000, message = "at most 2000 characters") String note,
            @Size(max = 200, message = "at most 200 characters") String population,
            @Size(max = 200, message = "at most 200 characters") String intervention,
            @Size(max = 200, message = "at most 200 characters") String comparison,
            @Size(max = 200, message = "at most 200 characters") String outcome,
            @Size(max = 200, message = "at most 200 characters") String studyType) {
    }

    @Inject
    EvidenceService evidence;

    @POST
    @RolesAllowed(Role.EDITOR_NAME)
    @APIResponse(responseCode = "201", description = "Created; Location names it.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceJson.class)))
    public RestResponse<EvidenceJson> attach(@PathParam("id") long claimId,
            @Valid @NotNull(message = "Send {documentId, stance, exact | start+end, ...}.") NewEvidenceRequest r) {
        Stance stance = Enums.parseOr400(Stance.class, r.stance() == null ? "" : r.stance(), "stance must be SUPPORTS or CONFLICTS.");
        Evidence created = evidence.attach(claimId, new EvidenceService.NewEvidence(r.documentId(), stance,
                new Passage(r.start(), r.end(), r.exact(), r.prefix(), r.suffix()), r.note(),
                new EvidenceService.Context(r.population(), r.intervention(), r.comparison(), r.outcome(), r.studyType())));
        return RestResponse.ResponseBuilder.<EvidenceJson>created(URI.create(ClaimPaths.api(claimId))).entity(EvidenceJson.of(created)).build();
    }
}
