package app.crux.disagreement;

import app.crux.claim.Tag;
import app.crux.web.Paging;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** /contested: claims ranked by contestedness × total weight, filterable by tag. */
@Blocking
@Path("/contested")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class ContestedPages {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance contested(List<Contested.Row> claims, List<Tag> tags, String tag, Paging paging, String pagerBase);
    }

    @GET
    public TemplateInstance contested(@QueryParam("tag") String tag, @QueryParam("page") Integer page) {
        String filter = tag == null || tag.isBlank() ? null : tag.strip();
        Paging paging = Paging.of(page, PAGE_SIZE, Contested.count(filter));
        return Templates.contested(Contested.ranked(filter, paging.index() * PAGE_SIZE, PAGE_SIZE), Tag.withPublishedClaims(), filter == null ? "" : filter, paging, Paging.base("/contested", "tag", filter));
    }
}
