package app.crux.evidence;

import app.crux.account.Role;
import app.crux.claim.ClaimPaths;
import app.crux.web.BadInput;
import app.crux.web.Conflict;
import app.crux.web.Enums;
import app.crux.web.Flash;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.function.Supplier;

/**
 * The editors' forms on an evidence card: correct it, detach it, and restore it from the claim page's list of
 * detached evidence. Each answers with a redirect to the claim page and a message; a stale form (someone saved
 * first) is told so and shown the card as it is now.
 */
@Blocking
@Path("/evidence/{id}")
@RolesAllowed(Role.EDITOR_NAME)
public class EvidencePages {

    @Inject
    EvidenceCorrections corrections;

    @POST
    @Path("edit")
    public Response edit(@PathParam("id") long id, @RestForm Integer version, @RestForm String stance, @RestForm String note,
            @RestForm String population, @RestForm String intervention, @RestForm String comparison, @RestForm String outcome,
            @RestForm String studyType) {
        if (version == null) {
            throw new BadInput("The form lost the version you edited; reload the claim page and try again.");
        }
        Stance chosen = stance == null ? null : Enums.parseOr400(Stance.class, stance, "Choose Supports or Conflicts.");
        var context = new EvidenceService.Context(population, intervention, comparison, outcome, studyType);
        return answer(id, () -> corrections.edit(id, new EvidenceCorrections.Correction(version, chosen, note, context)),
                "Evidence corrected.", true);
    }

    @POST
    @Path("detach")
    public Response detach(@PathParam("id") long id, @RestForm Integer version) {
        return answer(id, () -> corrections.detach(id, version),
                "Evidence detached: it no longer counts or shows; restore it from “Detached evidence” below.", false);
    }

    @POST
    @Path("restore")
    public Response restore(@PathParam("id") long id, @RestForm Integer version) {
        return answer(id, () -> corrections.restore(id, version), "Evidence restored: it counts and shows again.", true);
    }

    private static Response answer(long id, Supplier<Evidence> write, String done, boolean toCard) {
        try {
            Evidence evidence = write.get();
            String slug = evidence.claim.slug;
            return Flash.redirect(URI.create(toCard ? ClaimPaths.evidence(slug, id) : ClaimPaths.of(slug)), done);
        } catch (StaleEvidence | Conflict | BadInput refused) {
            Evidence current = Evidence.includingDetached(id);
            if (current == null) {
                throw refused;
            }
            String slug = current.claim.slug;
            return Flash.redirect(URI.create(current.detached() ? ClaimPaths.of(slug) : ClaimPaths.evidence(slug, id)),
                    Flash.Kind.ALERT, refused.getMessage());
        }
    }
}
