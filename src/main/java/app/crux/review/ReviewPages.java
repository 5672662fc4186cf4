package app.crux.review;

import app.crux.score.Strength;
import app.crux.account.Role;
import app.crux.claim.Claim;
import app.crux.document.Excerpt;
import app.crux.evidence.Evidence;
import app.crux.web.CurrentUser;
import app.crux.web.Paging;
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
                Claim only, String back, Evidence lastRated);

        static native TemplateInstance passages(List<PassageToResolve> passages, Paging paging);
    }

    static final int PASSAGES_PER_PAGE = 20;

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
        String back = only == null ? ReviewPaths.QUEUE : ReviewPaths.queueFor(only.slug);
        Evidence lastRated = currentUser.isReviewer() ? ReviewQueue.lastRated(currentUser.id()) : null;
        return Templates.queue(next, currentUser.isReviewer(), List.of(Strength.values()), only, back, lastRated);
    }

    /** The editors' tab: passages re-anchoring flagged after revisions, to re-select, accept or retire. */
    @GET
    @Path("passages")
    @RolesAllowed(Role.EDITOR_NAME)
    public TemplateInstance passages(@QueryParam("page") Integer page) {
        Paging paging = Paging.of(page, PASSAGES_PER_PAGE, Excerpt.needingAttentionCount());
        return Templates.passages(PassageToResolve.page(paging.index(), PASSAGES_PER_PAGE), paging);
    }
}
