package app.crux.disagreement;

import app.crux.web.ReaderCache;
import app.crux.claim.Tag;
import app.crux.claim.TopicFilter;
import app.crux.review.BlindRating;
import app.crux.web.NextPaging;
import app.crux.web.Paging;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
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
        static native TemplateInstance contested(List<Contested.Row> claims, List<Tag.Option> tags, String tag, NextPaging paging, String pagerBase);
    }

    @Inject
    TopicFilter topicFilter;

    @Inject
    BlindRating blind;

    @GET
    @ReaderCache
    public TemplateInstance contested(@QueryParam("tag") String tag, @QueryParam("page") Integer page) {
        String filter = tag == null || tag.isBlank() ? null : tag.strip();
        // one row more than shown says whether there is a next page: no count over the whole ranking per request
        int number = NextPaging.number(page);
        List<Contested.Row> read = Contested.ranked(filter, NextPaging.offset(number, PAGE_SIZE), PAGE_SIZE + 1);
        return Templates.contested(Contested.seenBy(NextPaging.shown(read, PAGE_SIZE), blind), topicFilter.options(filter), filter == null ? "" : filter,
                NextPaging.of(number, PAGE_SIZE, read), Paging.base("/contested", "tag", filter));
    }
}
