package app.crux.exchange;

import app.crux.claim.ClaimPaths;
import app.crux.review.BlindRating;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import java.util.Locale;

/**
 * {@code /tags/{tag}.atom}: a class of its own, because routing picks the resource class by its
 * path first, and the topic page's {@code /tags/{tag}} would otherwise take the feed's address.
 */
@Path("/tags/{tag}.atom")
public class TagFeedPages {

    @Inject
    BlindRating blind;

    @Context
    UriInfo uri;

    @Inject
    ExchangeRows rows;

    @GET
    @PermitAll
    @Produces(AtomFeedPages.ATOM)
    public String tag(@PathParam("tag") String tag) {
        String slug = tag == null ? "" : tag.toLowerCase(Locale.ROOT);
        if (!slug.matches("[a-z0-9][a-z0-9-]{0,59}") || !rows.tagExists(slug)) {
            throw new NotFoundException("No topic " + tag);
        }
        return AtomFeed.write(uri.getBaseUri().toString().replaceAll("/+$", ""), ExchangePaths.tagFeed(slug), ClaimPaths.tag(slug),
                "Newly contested claims on " + slug + " · Crux", rows.newlyContested(slug, AtomFeedPages.ENTRIES), blind::maySeeClaim);
    }
}
