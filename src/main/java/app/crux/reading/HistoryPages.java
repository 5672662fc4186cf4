package app.crux.reading;

import app.crux.web.ReaderCache;
import app.crux.account.Role;
import app.crux.audit.AuditEvent;
import app.crux.review.VisibleHistory;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Every audit event, newest first, filtered by person, kind and dates, for the people who curate. */
@Blocking
@Path("/history")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.EDITOR_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME})
public class HistoryPages {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(List<AuditEvent> events, VisibleHistory.Filter filter, Map<String, String> kinds,
                Paging paging, String pagerBase);
    }

    @Inject
    VisibleHistory history;

    /** Pages of {@link #PAGE_SIZE} events, less what the reader may not see (claim visibility, blind rating). */
    @GET
    @ReaderCache
    public TemplateInstance latest(@QueryParam("person") String person, @QueryParam("kind") String kind,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") Integer page) {
        VisibleHistory.Filter filter = VisibleHistory.Filter.of(null, person, kind, from, to);
        Paging paging = Paging.of(page, PAGE_SIZE, history.count(filter));
        return Templates.history(history.page(filter, paging.index() * PAGE_SIZE, PAGE_SIZE), filter, VisibleHistory.KINDS,
                paging, pagerBase(filter));
    }

    /** /history with the filters in force, ready for page=N. */
    private static String pagerBase(VisibleHistory.Filter filter) {
        StringBuilder base = new StringBuilder("/history?");
        append(base, "person", filter.actor());
        append(base, "kind", filter.kind());
        append(base, "from", filter.from() == null ? null : filter.from().toString());
        append(base, "to", filter.to() == null ? null : filter.to().toString());
        return base.toString();
    }

    private static void append(StringBuilder base, String name, String value) {
        if (value != null) {
            base.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
        }
    }
}
