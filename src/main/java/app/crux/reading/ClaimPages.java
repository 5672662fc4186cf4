package app.crux.reading;

import app.crux.evidence.Evidence;
import app.crux.web.ReaderCache;
import app.crux.claim.ClaimPaths;
import app.crux.web.HtmlPage;
import app.crux.web.Enums;
import app.crux.claim.Claim;
import app.crux.claim.ClaimService;
import app.crux.claim.ClaimStatus;
import app.crux.claim.ClaimVisibility;
import app.crux.claim.PassageFinder;
import app.crux.claim.StaleClaim;
import app.crux.account.Role;
import app.crux.audit.AuditEvent;
import app.crux.review.BlindRating;
import app.crux.review.Threads;
import app.crux.review.VisibleHistory;
import app.crux.score.Strength;
import app.crux.web.BadInput;
import app.crux.web.CurrentUser;
import app.crux.web.Flash;
import app.crux.web.Paging;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/** Claim list, claim page, and the editors' claim actions: edit, retract, restore, history (merging: {@link MergePages}). */
@Blocking
@Path("/claims")
@Produces(MediaType.TEXT_HTML)
public class ClaimPages {

    static final int PAGE_SIZE = 30;
    static final int HISTORY_PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Claim> claims, String q, Paging paging, String pagerBase);

        static native TemplateInstance show(ClaimView view, Reading reading, Cards cards, String jsonLd, String permalink,
                List<ClaimStatus> statuses, ClaimService.Edit attempted, List<String> problems, String path,
                StatusBanner banner, PassageFinder finder, List<Evidence> detached);

        static native TemplateInstance history(Claim claim, List<AuditEvent> events, Paging paging, String pagerBase);
    }

    /** What an editor is told at the top of a claim readers cannot see: a draft, or who retracted it and when. */
    public record StatusBanner(ClaimStatus status, java.time.Instant at, String by) {
        public boolean retracted() {
            return status == ClaimStatus.RETRACTED;
        }
    }

    @Inject
    ClaimService claims;

    @Inject
    ClaimVisibility visibility;

    @Inject
    BlindRating blind;

    @Inject
    VisibleHistory history;

    @Inject
    CurrentUser currentUser;

    @Inject
    Threads threads;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.UriInfo uriInfo;

    @GET
    @PermitAll
    @ReaderCache
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("page") Integer page) {
        List<ClaimStatus> listed = visibility.listed();
        Paging paging = Paging.of(page, PAGE_SIZE, Claim.countMatching(q, listed));
        return Templates.list(Claim.listMatching(q, listed, paging.index(), PAGE_SIZE), q == null ? "" : q, paging,
                Paging.base("/claims", "q", q));
    }

    @GET
    @Path("{slug}")
    @PermitAll
    @ReaderCache
    public Object show(@PathParam("slug") String slug, @QueryParam("min") String min, @QueryParam("find") String find) {
        Claim claim = visibility.require(ClaimView.bySlugWithScore(slug).orElseThrow(() -> new NotFoundException("No claim " + slug)), slug);
        if (claim.mergedInto != null) {
            // require() let a reader through only if they may see the target
            return Response.status(301).location(URI.create(ClaimPaths.of(claim.mergedInto.slug))).build();
        }
        return page(200, claim, minimum(min), null, List.of(), currentUser.isEditor() ? PassageFinder.search(find) : null);
    }

    @POST
    @Path("{slug}/edit")
    @RolesAllowed(Role.EDITOR_NAME)
    public Response edit(@PathParam("slug") String slug, @RestForm int version, @RestForm String statement,
            @RestForm String tags, @RestForm String status) {
        Claim claim = bySlug(slug);
        var attempt = new ClaimService.Edit(version, statement, tags == null ? List.of() : Arrays.asList(tags.split(",")),
                parseStatus(status));
        try {
            Claim saved = claims.edit(claim.id, attempt);
            return Flash.redirect(URI.create(ClaimPaths.of(saved.slug)), "Claim saved.");
        } catch (StaleClaim stale) {
            // read before the attempt, in this request's session: the version the other editor saved
            return page(409, claim, attempt, List.of(stale.getMessage()));
        } catch (BadInput e) {
            return page(400, claim, attempt, BadInput.problems(e));
        }
    }

    @POST
    @Path("{slug}/retract")
    @RolesAllowed(Role.EDITOR_NAME)
    public Response retract(@PathParam("slug") String slug) {
        claims.retract(bySlug(slug).id);
        return Flash.redirect(URI.create(ClaimPaths.of(slug)), "Claim retracted. It is hidden from readers and can be restored.");
    }

    @POST
    @Path("{slug}/restore")
    @RolesAllowed(Role.EDITOR_NAME)
    public Response restore(@PathParam("slug") String slug) {
        try {
            claims.restore(bySlug(slug).id);
            return Flash.redirect(URI.create(ClaimPaths.of(slug)), "Claim restored.");
        } catch (BadInput e) {
            return Flash.redirect(URI.create(ClaimPaths.of(slug)), Flash.Kind.ALERT, e.getMessage());
        }
    }

    @GET
    @Path("{slug}/history")
    @PermitAll
    @ReaderCache
    public TemplateInstance history(@PathParam("slug") String slug, @QueryParam("page") Integer page) {
        Claim claim = visibility.require(bySlug(slug), slug);
        // the claim's own events, its evidence's and passages', and ratings as blind rating allows
        var filter = VisibleHistory.Filter.about(VisibleHistory.SubjectType.CLAIM, claim.id);
        Paging paging = Paging.of(page, HISTORY_PAGE_SIZE, history.count(filter));
        return Templates.history(claim, history.page(filter, paging.index() * HISTORY_PAGE_SIZE, HISTORY_PAGE_SIZE), paging,
                ClaimPaths.of(claim.slug) + "/history?");
    }

    private Response page(int status, Claim claim, ClaimService.Edit attempted, List<String> problems) {
        return page(status, claim, null, attempted, problems, null);
    }

    private Response page(int status, Claim claim, Strength minimum, ClaimService.Edit attempted, List<String> problems,
            PassageFinder finder) {
        ClaimView view = ClaimView.forPage(claim, threads);
        Reading reading = Reading.of(view, minimum, blind);
        String base = baseUrl();
        return HtmlPage.status(status, Templates.show(view, reading, Cards.of(view, reading, blind, threads, currentUser, ClaimPaths.of(claim.slug)), ClaimReviewJson.of(view, base),
                base + ClaimPaths.of(claim.slug), ClaimStatus.editable(), attempted, problems, ClaimPaths.of(claim.slug),
                banner(claim), finder, currentUser.isEditor() ? Evidence.detachedFrom(claim.id) : List.of()));
    }

    private String baseUrl() {
        String base = uriInfo.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The reader's "minimum strength" choice; anything unknown means no minimum. */
    private static Strength minimum(String min) {
        if (min == null || min.isBlank()) {
            return null;
        }
        return Enums.parse(Strength.class, min.strip().toUpperCase(java.util.Locale.ROOT)).orElse(null);
    }

    private static StatusBanner banner(Claim claim) {
        return switch (claim.status) {
            case DRAFT -> new StatusBanner(ClaimStatus.DRAFT, null, null);
            case RETRACTED -> AuditEvent.last("claim", claim.id, ClaimService.RETRACT)
                    .map(e -> new StatusBanner(ClaimStatus.RETRACTED, e.occurredAt, e.actorName))
                    .orElse(new StatusBanner(ClaimStatus.RETRACTED, null, null));
            default -> null;
        };
    }

    private static ClaimStatus parseStatus(String status) {
        return Enums.parseOr400(ClaimStatus.class, status, "Unknown status " + status);
    }

    static Claim bySlug(String slug) {
        return Claim.findBySlug(slug).orElseThrow(() -> new NotFoundException("No claim " + slug));
    }
}
