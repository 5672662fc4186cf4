package app.crux.search;

import app.crux.web.ReaderCache;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** /search: full-text search over claims and documents. */
@Blocking
@Path("/")
@PermitAll
public class SearchPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchService.Results results, String encodedQuery);
    }

    @Inject
    SearchService search;

    @GET
    @Path("search")
    @Produces(MediaType.TEXT_HTML)
    @ReaderCache
    public TemplateInstance page(@QueryParam("q") String q, @QueryParam("page") Integer page) {
        var results = search.search(q, page == null || page < 1 ? 1 : page);
        return Templates.search(results, URLEncoder.encode(results.query(), StandardCharsets.UTF_8));
    }
}
