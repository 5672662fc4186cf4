package app.crux.review;

import app.crux.account.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** /review/discussion: the queue's tab of items whose ratings split, with their threads, for those taking part. */
@Blocking
@Path("/review/discussion")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.REVIEWER_NAME, Role.EDITOR_NAME})
public class DiscussionTabPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance discussions(List<Threads.Open> threads, int limit);
    }

    @Inject
    Threads threads;

    @GET
    public TemplateInstance tab() {
        return Templates.discussions(threads.open(), Threads.TAB_LIMIT);
    }
}
