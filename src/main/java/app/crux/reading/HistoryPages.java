package app.crux.reading;

import app.crux.web.ReaderCache;
import app.crux.audit.AuditEvent;
import app.crux.account.Role;
import app.crux.review.VisibleHistory;
import io.quarkus.qute.CheckedTemplate;
import io.smallrye.common.annotation.Blocking;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The latest audit events, newest first, for the people who curate. */
@Blocking
@Path("/history")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.EDITOR_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME})
public class HistoryPages {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(List<AuditEvent> events, Long nextBefore, boolean first);
    }

    @Inject
    VisibleHistory history;

    /** Keyset pages of {@link #PAGE_SIZE} events, less what blind rating hides from the reader. */
    @GET
    @ReaderCache
    public TemplateInstance latest(@QueryParam("before") Long before) {
        VisibleHistory.Page page = history.page(before, PAGE_SIZE);
        return Templates.history(page.events(), page.nextBefore(), before == null);
    }
}
