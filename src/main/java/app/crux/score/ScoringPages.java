package app.crux.score;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** /about/scoring: how weights, contestedness, verdicts and agreement are computed, in plain words. */
@Path("/about/scoring")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class ScoringPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance scoring(List<Strength> strengths, String contestedAt);
    }

    @GET
    public TemplateInstance scoring() {
        return Templates.scoring(List.of(Strength.values()), Verdict.CONTESTED_AT.toPlainString());
    }
}
