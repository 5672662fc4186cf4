package app.crux.search;

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
import java.util.List;
import java.util.Map;

/** /search and GET /api/search. */
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
    public TemplateInstance page(@QueryParam("q") String q, @QueryParam("page") Integer page) {
        var results = search.search(q, page == null || page < 1 ? 1 : page);
        return Templates.search(results, URLEncoder.encode(results.query(), StandardCharsets.UTF_8));
    }

    @GET
    @Path("api/search")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> api(@QueryParam("q") String q, @QueryParam("page") Integer page) {
        var results = search.search(q, page == null || page < 1 ? 1 : page);
        List<Map<String, Object>> claims = results.claims().stream()
                .map(h -> Map.<String, Object>of("id", h.id(), "slug", h.slug(), "statement", h.title(), "snippet", h.snippet().html()))
                .toList();
        List<Map<String, Object>> documents = results.documents().stream()
                .map(h -> Map.<String, Object>of("id", h.id(), "slug", h.slug(), "title", h.title(), "snippet", h.snippet().html()))
                .toList();
        return Map.of("query", results.query(), "approximate", results.approximate(), "claims", claims, "documents", documents);
    }
}
