package app.crux.audit;

import app.crux.account.Role;
import app.crux.web.CurrentUser;
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
    CurrentUser currentUser;

    @GET
    public TemplateInstance latest(@QueryParam("before") Long before) {
        List<AuditEvent> events = AuditEvent.latest(before, PAGE_SIZE + 1, currentUser.seesUnpublishedClaims());
        Long nextBefore = events.size() > PAGE_SIZE ? events.get(PAGE_SIZE - 1).id : null;
        return Templates.history(events.subList(0, Math.min(events.size(), PAGE_SIZE)), nextBefore, before == null);
    }
}
