package app.crux.evidence;

import app.crux.claim.ClaimPaths;
import app.crux.account.Role;
import app.crux.document.Passage;
import app.crux.web.BadInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** {@code POST /api/claims/{id}/evidence}: a passage attached to a claim, for or against. */
@Path("/api/claims/{id}/evidence")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvidenceApi {

    public record NewEvidenceRequest(Long documentId, String stance, String exact, String prefix, String suffix, Integer start,
            Integer end, String note, String population, String intervention, String comparison, String outcome,
            String studyType) {
    }

    @Inject
    EvidenceService evidence;

    @POST
    @RolesAllowed(Role.EDITOR_NAME)
    public Response attach(@PathParam("id") long claimId, NewEvidenceRequest r) {
        if (r == null || r.documentId() == null) {
            throw new BadInput("Send {documentId, stance, exact | start+end, ...}.");
        }
        Stance stance;
        try {
            stance = Stance.valueOf(r.stance() == null ? "" : r.stance());
        } catch (IllegalArgumentException e) {
            throw new BadInput("stance must be SUPPORTS or CONFLICTS.");
        }
        Evidence created = evidence.attach(claimId, new EvidenceService.NewEvidence(r.documentId(), stance,
                new Passage(r.start(), r.end(), r.exact(), r.prefix(), r.suffix()), r.note(),
                new EvidenceService.Context(r.population(), r.intervention(), r.comparison(), r.outcome(), r.studyType())));
        return Response.created(URI.create(ClaimPaths.api(claimId))).entity(EvidenceJson.of(created)).build();
    }
}
