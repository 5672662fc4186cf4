package app.crux.about;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * /about: what Crux is, who does what, and how a passage becomes a contested claim. Static
 * text; /about/scoring (how the numbers are computed) lives with the scores.
 */
@Path("/about")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class AboutPages {

    /** basePath: the scoring page's class is also called AboutPages, and its templates keep their folder. */
    @CheckedTemplate(basePath = "about")
    static class Templates {
        static native TemplateInstance about();
    }

    @GET
    public TemplateInstance about() {
        return Templates.about();
    }
}
