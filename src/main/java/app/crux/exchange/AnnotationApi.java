package app.crux.exchange;

import app.crux.web.NextPaging;
import app.crux.web.ReaderCache;
import app.crux.claim.Claim;
import app.crux.claim.ClaimVisibility;
import app.crux.document.Document;
import app.crux.exchange.WebAnnotation.Annotation;
import app.crux.exchange.WebAnnotation.Body;
import app.crux.exchange.WebAnnotation.Selector;
import app.crux.exchange.WebAnnotation.Target;
import app.crux.web.BadInput;
import jakarta.annotation.security.PermitAll;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Locale;

/**
 * Evidence passages as W3C Web Annotations, so annotation tools can show them on the page:
 * {@code ?document=} every passage cited in a document, {@code ?claim=} every passage of a claim.
 * Claims the viewer may not see (drafts, retracted, for non-editors) are left out; stance is not
 * a rating, so the blind-rating rule has nothing to hide here.
 */
@Path("/api/annotations")
public class AnnotationApi {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 500;

    @Inject
    ExchangeRows rows;

    @Inject
    ClaimVisibility visibility;

    @Context
    UriInfo uri;

    @GET
    @PermitAll
    @Produces({WebAnnotation.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @ReaderCache
    public WebAnnotation.Collection list(@QueryParam("document") Long document, @QueryParam("claim") Long claim,
            @QueryParam("page") Integer page, @QueryParam("size") @Schema(maximum = "" + MAX_SIZE) Integer size) {
        if ((document == null) == (claim == null)) {
            throw new BadInput("Give either document={id} or claim={id}.");
        }
        if (document != null && Document.findById(document) == null) {
            throw new NotFoundException("No document " + document);
        }
        if (claim != null) {
            visibility.require(Claim.findById(claim), claim);
        }
        int n = size == null ? DEFAULT_SIZE : size;
        if (n < 1 || n > MAX_SIZE) {
            throw new BadInput("size: 1 to " + MAX_SIZE + ".");
        }
        String base = base();
        long total = rows.countPassages(document, claim, visibility.listed());
        int last = (int) Math.max(1, (total + n - 1) / n);
        int number = page == null ? 1 : page;
        if (number < 1) {
            throw new BadInput("page: 1 or more.");
        }
        String self = base + "/api/annotations?" + (document != null ? "document=" + document : "claim=" + claim) + "&size=" + n;
        List<Annotation> items = rows.passages(document, claim, visibility.listed(), NextPaging.offset(number, n), n).stream()
                .map(p -> annotation(p, base)).toList();
        var current = new WebAnnotation.Page(self + "&page=" + number, "AnnotationPage", self, (long) (number - 1) * n, items,
                number < last ? self + "&page=" + (number + 1) : null, number > 1 ? self + "&page=" + (number - 1) : null);
        String label = document != null ? "Evidence passages in document " + document : "Evidence passages of claim " + claim;
        return new WebAnnotation.Collection(WebAnnotation.CONTEXT, self, "AnnotationCollection", label, total, current,
                self + "&page=" + last);
    }

    /**
     * target.source is Crux's copy of the document, whose normalised text the TextPositionSelector's
     * offsets count in; the TextQuoteSelector also finds the passage on the original page (its URL is
     * the document's {@code url}).
     */
    static Annotation annotation(ExchangeRows.PassageRow p, String base) {
        String claimUrl = base + "/claims/" + p.claimSlug();
        List<Body> body = List.of(
                new Body("TextualBody", p.statement(), "text/plain", null, "describing"),
                new Body("SpecificResource", null, null, claimUrl, "linking"),
                new Body("TextualBody", p.stance().toLowerCase(Locale.ROOT), "text/plain", null, "tagging"));
        Target target = new Target(base + "/documents/" + p.documentSlug(), List.of(
                new Selector("TextQuoteSelector", p.exact(), p.prefix(), p.suffix(), null, null),
                new Selector("TextPositionSelector", null, null, null, p.start(), p.end())));
        return new Annotation(claimUrl + "#evidence-" + p.evidenceId(), "Annotation", "assessing", p.created(), body, target);
    }

    private String base() {
        String b = uri.getBaseUri().toString();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }
}
