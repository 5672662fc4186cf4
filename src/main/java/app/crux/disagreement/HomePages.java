package app.crux.disagreement;

import app.crux.web.CurrentUser;
import app.crux.audit.AuditEvent;
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
        static native TemplateInstance home(List<Contested.Row> contested, List<AuditEvent> activity);
    }

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance home() {
        return Templates.home(Contested.ranked(null, 0, 10), AuditEvent.recentCuration(8, currentUser.seesUnpublishedClaims()));
    }
}
