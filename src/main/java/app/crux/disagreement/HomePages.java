package app.crux.disagreement;

import app.crux.web.ReaderCache;
import app.crux.web.CurrentUser;
import app.crux.review.BlindRating;
import app.crux.audit.AuditEvent;
import app.crux.document.Document;
import io.quarkus.qute.CheckedTemplate;
import io.smallrye.common.annotation.Blocking;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The front page. */
@Blocking
@Path("/")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class HomePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<Contested.Row> contested, List<AuditEvent> activity, boolean emptyInstance);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    BlindRating blind;

    @GET
    @ReaderCache
    public TemplateInstance home() {
        List<Contested.Row> contested = Contested.seenBy(Contested.ranked(null, 0, 10), blind);
        // asked only when there is nothing to rank: the usual home page costs no extra query
        return Templates.home(contested, AuditEvent.recentCuration(8, currentUser.seesUnpublishedClaims()),
                contested.isEmpty() && Document.noneYet());
    }
}
