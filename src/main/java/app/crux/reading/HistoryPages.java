package app.crux.reading;

import app.crux.audit.AuditEvent;
import app.crux.account.Role;
import app.crux.review.BlindRating;
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

import java.util.ArrayList;
import java.util.List;

/** The latest audit events, newest first, for the people who curate. */
@Blocking
@Path("/history")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.EDITOR_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME})
public class HistoryPages {

    static final int PAGE_SIZE = 50;
    private static final int BATCH = 2 * PAGE_SIZE;
    private static final int MAX_BATCHES = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(List<AuditEvent> events, Long nextBefore, boolean first);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    BlindRating blind;

    /**
     * Keyset pages of {@link #PAGE_SIZE} events. Blind rating hides others' rating events on items the
     * reviewer has not rated, so events are read in batches until a page is full.
     */
    @GET
    public TemplateInstance latest(@QueryParam("before") Long before) {
        List<AuditEvent> shown = new ArrayList<>();
        Long cursor = before;
        for (int batch = 0; batch < MAX_BATCHES && shown.size() <= PAGE_SIZE; batch++) {
            List<AuditEvent> events = AuditEvent.latest(cursor, BATCH, currentUser.seesUnpublishedClaims());
            events.stream().filter(blind::maySee).forEach(shown::add);
            if (events.size() < BATCH) {
                cursor = null;
                break;
            }
            cursor = events.get(events.size() - 1).id;
        }
        Long nextBefore = shown.size() > PAGE_SIZE ? shown.get(PAGE_SIZE - 1).id : cursor;
        return Templates.history(shown.subList(0, Math.min(shown.size(), PAGE_SIZE)), nextBefore, before == null);
    }
}
