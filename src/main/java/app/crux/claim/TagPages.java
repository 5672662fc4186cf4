package app.crux.claim;

import app.crux.web.ReaderCache;
import app.crux.web.Paging;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** /tags/{tag}: the published claims of a topic with their verdicts. */
@Blocking
@Path("/tags/{tag}")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class TagPages {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tag(Tag tag, List<RankedClaim> claims, Paging paging, String pagerBase);
    }

    @GET
    @ReaderCache
    public TemplateInstance tag(@PathParam("tag") String slug, @QueryParam("page") Integer page) {
        Tag tag = Tag.findBySlug(slug).orElseThrow(() -> new NotFoundException("No topic " + slug));
        long total = RankedClaim.countInTag(tag.id);
        if (total == 0) {
            // a topic only drafts or retracted claims use would name them: it does not exist for readers
            throw new NotFoundException("No topic " + slug);
        }
        Paging paging = Paging.of(page, PAGE_SIZE, total);
        return Templates.tag(tag, RankedClaim.inTag(tag.id, paging.index(), PAGE_SIZE), paging,
                ClaimPaths.path(tag) + "?");
    }
}
