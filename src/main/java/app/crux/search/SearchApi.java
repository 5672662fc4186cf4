package app.crux.search;

import app.crux.web.ReaderCache;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** {@code GET /api/search?q=}: claims and documents, snippets HTML-escaped with matches in {@code <mark>}. */
@Path("/api/search")
@PermitAll
public class SearchApi {

    public record ClaimHit(long id, String slug, String statement, String snippet) {
    }

    public record DocumentHit(long id, String slug, String title, String snippet) {
    }

    public record Found(String query, boolean approximate, List<ClaimHit> claims, List<DocumentHit> documents) {
    }

    @Inject
    SearchService search;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @ReaderCache
    public Found api(@QueryParam("q") String q, @QueryParam("page") Integer page) {
        var results = search.search(q, page == null || page < 1 ? 1 : page);
        return new Found(results.query(), results.approximate(),
                results.claims().stream().map(h -> new ClaimHit(h.id(), h.slug(), h.title(), h.snippet().html())).toList(),
                results.documents().stream().map(h -> new DocumentHit(h.id(), h.slug(), h.title(), h.snippet().html())).toList());
    }
}
