package app.crux.disagreement;

import app.crux.web.ReaderCache;
import app.crux.review.BlindRating;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.jboss.resteasy.reactive.RestResponse;
import app.crux.web.ApiPage;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.util.List;

/** {@code GET /api/contested?page=&size=&tag=} (and the older {@code limit=}): the ranking as JSON, paged by "next" links. */
@Path("/api/contested")
@Produces(MediaType.APPLICATION_JSON)
public class ContestedApi {

    /** {@code verdict} is left out (not null) while blind rating hides it. */
    public record ClaimRef(long id, String slug, String statement, @JsonInclude(JsonInclude.Include.NON_NULL) String verdict) {
    }

    public record Entry(ClaimRef claim, BigDecimal contestedness, BigDecimal supportWeight, BigDecimal conflictWeight) {
    }

    @Inject
    BlindRating blind;

    /** The ranking is not counted: a count reads every ranked claim on every request, and grows with them. */
    @GET
    @PermitAll
    @ReaderCache
    @Extension(name = ApiPage.UNCOUNTED, value = "true")
    public RestResponse<List<Entry>> contested(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("limit") Integer limit, @QueryParam("tag") String tag, @Context UriInfo uri) {
        // limit: the older name of size, still honoured (clamped, as it always was) when size is not given
        Integer rows = size;
        if (rows == null && limit != null) {
            rows = Math.max(1, Math.min(limit, ApiPage.MAX_SIZE));
        }
        ApiPage paging = ApiPage.of(page, rows, 20);
        String filter = tag == null || tag.isBlank() ? null : tag;
        // blind rating: a reviewer sees a claim's aggregates once they have rated all of it (Contested.seenBy, as the pages)
        return paging.answerUncounted(Contested.seenBy(Contested.ranked(filter, paging.offset(), paging.size() + 1), blind).stream()
                .map(r -> r.hidden()
                        ? new Entry(new ClaimRef(r.id(), r.slug(), r.statement(), null), null, null, null)
                        : new Entry(new ClaimRef(r.id(), r.slug(), r.statement(), r.verdict().name()),
                                r.contestedness(), r.supportWeight(), r.conflictWeight()))
                .toList(), uri);
    }
}
