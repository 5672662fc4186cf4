package app.crux.disagreement;

import app.crux.review.BlindRating;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** {@code GET /api/contested?limit=&tag=}: the ranking as JSON. */
@Path("/api/contested")
@Produces(MediaType.APPLICATION_JSON)
public class ContestedApi {

    public record Entry(Map<String, Object> claim, BigDecimal contestedness, BigDecimal supportWeight, BigDecimal conflictWeight) {
    }

    @Inject
    BlindRating blind;

    @GET
    @PermitAll
    public List<Entry> contested(@QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("tag") String tag) {
        int size = Math.max(1, Math.min(limit, 200));
        return Contested.ranked(tag == null || tag.isBlank() ? null : tag, 0, size).stream()
                .map(r -> blind.maySeeClaim(r.id())
                        ? new Entry(Map.of("id", r.id(), "slug", r.slug(), "statement", r.statement(), "verdict", r.verdict().name()),
                                r.contestedness(), r.supportWeight(), r.conflictWeight())
                        // blind rating: a reviewer sees a claim's aggregates once they have rated all of it
                        : new Entry(Map.of("id", r.id(), "slug", r.slug(), "statement", r.statement()), null, null, null))
                .toList();
    }
}
