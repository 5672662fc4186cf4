package app.crux.exchange;

import app.crux.web.NextPaging;
import app.crux.web.ReaderCache;
import app.crux.claim.Claim;
import app.crux.reading.ClaimReviewJson;
import app.crux.reading.ClaimView;
import app.crux.review.BlindRating;
import app.crux.web.BadInput;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Published, reviewed claims as schema.org ClaimReview objects, the very JSON-LD the claim
 * pages embed ({@link ClaimReviewJson}), a page at a time. A reviewer's pages leave out the
 * claims whose verdict the blind-rating rule still hides from them.
 */
@Path("/api/claimreviews")
public class ClaimReviewApi {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClaimReview(@JsonProperty("@context") String context, @JsonProperty("@type") String type, String url,
            String claimReviewed, Rating reviewRating, Organization author, String datePublished, Item itemReviewed) {
    }

    public record Rating(@JsonProperty("@type") String type, int ratingValue, int worstRating, int bestRating,
            String alternateName) {
    }

    public record Organization(@JsonProperty("@type") String type, String name, String url) {
    }

    public record Item(@JsonProperty("@type") String type, String name, List<Work> appearance) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Work(@JsonProperty("@type") String type, String name, String url) {
    }

    /** {@code total}: published claims with a verdict; {@code items} may be fewer for a reviewer (see above). */
    public record ClaimReviewPage(int page, int size, long total, List<ClaimReview> items) {
    }

    @Inject
    ExchangeRows rows;

    @Inject
    BlindRating blind;

    @Inject
    ObjectMapper json;

    @Context
    UriInfo uri;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @ReaderCache
    public ClaimReviewPage list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        int n = size == null ? DEFAULT_SIZE : size;
        int number = page == null ? 1 : page;
        if (n < 1 || n > MAX_SIZE || number < 1) {
            throw new BadInput("page: 1 or more; size: 1 to " + MAX_SIZE + ".");
        }
        String base = uri.getBaseUri().toString().replaceAll("/+$", "");
        List<ClaimReview> items = rows.publishedPage(NextPaging.offset(number, n), n, true).stream()
                .filter(row -> blind.maySeeClaim(row.id()))
                .map(row -> ClaimReviewJson.of(ClaimView.of(Claim.findById(row.id())), base))
                .filter(Objects::nonNull)
                .map(this::read).toList();
        return new ClaimReviewPage(number, n, rows.countPublished(true), items);
    }

    private ClaimReview read(String jsonLd) {
        try {
            return json.readValue(jsonLd, ClaimReview.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
