package app.crux.disagreement;

import app.crux.document.Document;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** {@code GET /api/compare?a=&b=} (slugs or ids): the claims two documents agree and disagree on. */
@Path("/api/compare")
@PermitAll
public class CompareApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> api(@QueryParam("a") String a, @QueryParam("b") String b) {
        Document first = Comparison.document(a);
        Document second = Comparison.document(b);
        Comparison c = Comparison.of(first, second);
        Function<Comparison.Pair, Map<String, Object>> claim = p -> Map.of("id", p.claimId(), "slug", p.slug(), "statement", p.statement());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("a", Map.of("id", first.id, "slug", first.slug, "title", first.title));
        body.put("b", Map.of("id", second.id, "slug", second.slug, "title", second.title));
        body.put("agree", c.agree().stream().map(claim).toList());
        body.put("disagree", c.disagree().stream().map(p -> Map.of("claim", claim.apply(p), "stanceA", p.stanceA().name(),
                "stanceB", p.stanceB().name())).toList());
        body.put("onlyA", c.onlyA().stream().map(claim).toList());
        body.put("onlyB", c.onlyB().stream().map(claim).toList());
        return body;
    }

}
