package app.crux.search;

import app.crux.web.ApiPage;
import app.crux.web.ReaderCache;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * {@code GET /api/search?q=&page=&size=}: claims and documents, snippets HTML-escaped with matches in
 * {@code <mark>}. Both lists are paged together ({@code size} hits of each); the body carries each
 * list's total, as one {@code X-Total-Count} could not describe two lists.
 */
@Path("/api/search")
@PermitAll
public class SearchApi {

    public record ClaimHit(long id, String slug, String statement, String snippet) {
    }

    public record DocumentHit(long id, String slug, String title, String snippet) {
    }

    /**
     * {@code claimTotal} / {@code documentTotal}: the matches each list ranks and pages. A list ranks at most the
     * newest {@code crux.search.ranked} matches (1,000); {@code capped} says a list has more, which more words
     * narrow. With {@code approximate} (nothing matched the words as typed, these look alike) the lists are one
     * page and the totals are their lengths.
     */
    public record Found(String query, boolean approximate, int page, int size, long claimTotal, long documentTotal,
            boolean capped, List<ClaimHit> claims, List<DocumentHit> documents) {
    }

    @Inject
    SearchService search;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @ReaderCache
    public Found api(@QueryParam("q") String q, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        ApiPage paging = ApiPage.of(page, size, SearchService.PAGE_SIZE);
        var results = search.search(q, paging.number(), paging.size());
        var totals = results.approximate()
                ? new SearchService.Totals(results.claims().size(), results.documents().size(), false)
                : search.totals(results.query());
        return new Found(results.query(), results.approximate(), paging.number(), paging.size(), totals.claims(), totals.documents(),
                totals.capped(),
                results.claims().stream().map(h -> new ClaimHit(h.id(), h.slug(), h.title(), h.snippet().html())).toList(),
                results.documents().stream().map(h -> new DocumentHit(h.id(), h.slug(), h.title(), h.snippet().html())).toList());
    }
}
