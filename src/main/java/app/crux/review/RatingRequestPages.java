package app.crux.review;

import app.crux.account.Role;
import app.crux.claim.Claim;
import app.crux.claim.ClaimPaths;
import app.crux.web.BadInput;
import app.crux.web.Flash;
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

/** The editor's "ask reviewers to rate" form on a claim page. */
@Blocking
@Path("/claims/{slug}/rating-requests")
@RolesAllowed(Role.EDITOR_NAME)
public class RatingRequestPages {

    @Inject
    RatingRequestService requests;

    @POST
    public Response ask(@PathParam("slug") String slug, @RestForm List<String> reviewer) {
        Claim claim = Claim.findBySlug(slug).orElseThrow(() -> new NotFoundException("No claim " + slug));
        URI page = URI.create(ClaimPaths.of(claim.slug) + "#ask-heading");
        try {
            List<String> asked = requests.ask(claim.id, reviewer);
            return Flash.redirect(page, asked.isEmpty() ? "Everyone you chose had been asked already."
                    : "Asked " + String.join(", ", asked) + " to rate this claim's evidence; it comes first in their queue.");
        } catch (BadInput e) {
            return Flash.redirect(page, Flash.Kind.ALERT, e.getMessage());
        }
    }
}
