package app.crux.review;

import app.crux.score.Strength;
import app.crux.account.Role;
import app.crux.claim.Claim;
import app.crux.document.Excerpt;
import app.crux.evidence.Evidence;
import app.crux.web.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** /review: the reviewer's rate-and-next queue; editors also find re-anchored passages to check. */
@Blocking
@Path("/review")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.REVIEWER_NAME, Role.EDITOR_NAME})
public class ReviewPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(ReviewQueue.Next next, boolean reviewer, List<Strength> strengths,
                List<Excerpt> attention, Claim only, String back, Evidence lastRated);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    BlindRating blind;

    @GET
    public TemplateInstance queue(@QueryParam("claim") String claimSlug) {
        Claim only = claimSlug == null || claimSlug.isBlank() ? null : Claim.findBySlug(claimSlug.strip())
                .filter(c -> c.visibleTo(currentUser.seesUnpublishedClaims())).orElse(null);
        ReviewQueue.Next next = currentUser.isReviewer()
                ? ReviewQueue.next(currentUser.id(), only == null ? null : only.id, blind).orElse(null) : null;
        List<Excerpt> attention = currentUser.isEditor() && only == null ? ReviewQueue.needingAttention() : List.of();
        String back = only == null ? ReviewPaths.QUEUE : ReviewPaths.queueFor(only.slug);
        Evidence lastRated = currentUser.isReviewer() ? ReviewQueue.lastRated(currentUser.id()) : null;
        return Templates.queue(next, currentUser.isReviewer(), List.of(Strength.values()), attention, only, back, lastRated);
    }
}
