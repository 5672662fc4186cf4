package app.crux.review;

import app.crux.account.User;
import app.crux.web.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * A reviewer's votes and how often they sit with the majority. Blind rating holds here
 * too: another reviewer sees only the votes on items they have rated themselves.
 */
@Blocking
@Path("/reviewers/{username}")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class ReviewerPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reviewer(User reviewer, List<Votes.Rated> votes, int withMajority, int comparable, int hidden);
    }

    @Inject
    BlindRating blind;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance show(@PathParam("username") String username) {
        User reviewer = User.findByUsername(username).orElseThrow(() -> new NotFoundException("No reviewer " + username));
        List<Votes.Rated> rows = Votes.byReviewer(reviewer.id, currentUser.seesUnpublishedClaims());
        // blind rating: a reviewer looking at someone else's page sees only the items they have rated too
        List<Votes.Rated> visible = rows.stream().filter(r -> blind.maySee(r.evidenceId())).toList();
        List<Votes.Rated> comparable = visible.stream().filter(r -> r.votes() >= 2 && r.majority() != null).toList();
        int withMajority = (int) comparable.stream().filter(Votes.Rated::withMajority).count();
        return Templates.reviewer(reviewer, visible, withMajority, comparable.size(), rows.size() - visible.size());
    }
}
