package app.crux.exchange;

import app.crux.review.BlindRating;
import app.crux.web.BadInput;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/**
 * Atom (RFC 4287) feeds of newly contested claims, overall and per topic, and of the claims a
 * search finds; linked from those pages with {@code <link rel="alternate">}. Published claims
 * only, whoever asks; a summary's weights only where the blind-rating rule lets the viewer see them.
 */
@Path("/")
public class AtomFeedPages {

    static final String ATOM = "application/atom+xml;charset=UTF-8";
    static final int ENTRIES = 50;

    @Inject
    ExchangeRows rows;

    @Inject
    BlindRating blind;

    @Context
    UriInfo uri;

    @GET
    @Path("contested.atom")
    @PermitAll
    @Produces(ATOM)
    public String contested() {
        return feed("/contested.atom", "/contested", "Newly contested claims · Crux", rows.newlyContested(null, ENTRIES));
    }

    @GET
    @Path("search.atom")
    @PermitAll
    @Produces(ATOM)
    public String search(@QueryParam("q") String q) {
        String query = q == null ? "" : q.strip();
        if (query.length() > 200) {
            throw new BadInput("q: at most 200 characters.");
        }
        String encoded = FeedLinks.urlEncode(query);
        return feed("/search.atom?q=" + encoded, "/search?q=" + encoded, "Claims matching “" + query + "” · Crux",
                query.isEmpty() ? List.of() : rows.matching(query, ENTRIES));
    }

    String feed(String self, String alternate, String title, List<ExchangeRows.ClaimRow> claims) {
        return AtomFeed.write(uri.getBaseUri().toString().replaceAll("/+$", ""), self, alternate, title, claims, blind::maySeeClaim);
    }
}
