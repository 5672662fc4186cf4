package app.crux.search;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** {@code GET /api/search?q=}: claims and documents, snippets HTML-escaped with matches in {@code <mark>}. */
@Path("/api/search")
@PermitAll
public class SearchApi {

    @Inject
    SearchService search;

    @GET
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
