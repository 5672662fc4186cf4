package app.crux.disagreement;

import app.crux.web.ReaderCache;
import app.crux.document.Document;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** {@code GET /api/compare?a=&b=} (slugs or ids): the claims two documents agree and disagree on. */
@Path("/api/compare")
@PermitAll
public class CompareApi {

    public record DocumentRef(long id, String slug, String title) {
        static DocumentRef of(Document d) {
            return new DocumentRef(d.id, d.slug, d.title);
        }
    }

    public record ClaimRef(long id, String slug, String statement) {
        static ClaimRef of(Comparison.Pair p) {
            return new ClaimRef(p.claimId(), p.slug(), p.statement());
        }
    }

    public record Disagreement(ClaimRef claim, String stanceA, String stanceB) {
    }

    public record Compared(DocumentRef a, DocumentRef b, List<ClaimRef> agree, List<Disagreement> disagree, List<ClaimRef> onlyA,
            List<ClaimRef> onlyB) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @ReaderCache
    public Compared api(@QueryParam("a") String a, @QueryParam("b") String b) {
        Document first = Comparison.document(a);
        Document second = Comparison.document(b);
        Comparison c = Comparison.of(first, second);
        return new Compared(DocumentRef.of(first), DocumentRef.of(second), c.agree().stream().map(ClaimRef::of).toList(),
                c.disagree().stream().map(p -> new Disagreement(ClaimRef.of(p), p.stanceA().name(), p.stanceB().name())).toList(),
                c.onlyA().stream().map(ClaimRef::of).toList(), c.onlyB().stream().map(ClaimRef::of).toList());
    }

}
