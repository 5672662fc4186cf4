package app.crux.reading;

import app.crux.audit.AuditEvent;
import app.crux.claim.ClaimVisibility;
import app.crux.evidence.Evidence;
import app.crux.review.VisibleHistory;
import app.crux.web.Paging;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** One evidence item's history: its own events, its passage's, and its ratings as blind rating allows. */
@Blocking
@Path("/evidence/{id}/history")
@Produces(MediaType.TEXT_HTML)
public class EvidenceHistoryPages {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(Evidence evidence, List<AuditEvent> events, Paging paging, String pagerBase);
    }

    @Inject
    VisibleHistory history;

    @Inject
    ClaimVisibility visibility;

    @GET
    @PermitAll
    public TemplateInstance history(@PathParam("id") long id, @QueryParam("page") Integer page) {
        Evidence evidence = Evidence.findById(id);
        if (evidence == null) {
            throw new NotFoundException("No evidence " + id);
        }
        // evidence of a claim the visitor may not see is as missing as the claim
        visibility.require(evidence.claim, "with evidence " + id);
        var filter = VisibleHistory.Filter.about(VisibleHistory.SubjectType.EVIDENCE, id);
        Paging paging = Paging.of(page, PAGE_SIZE, history.count(filter));
        return Templates.history(evidence, history.page(filter, paging.index() * PAGE_SIZE, PAGE_SIZE), paging,
                ReadingPaths.evidenceHistory(id) + "?");
    }
}
