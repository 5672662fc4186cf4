package app.crux.review;

import app.crux.score.Strength;
import app.crux.account.User;
import app.crux.web.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

    public record Rated(long evidenceId, String claimSlug, String claim, String document, Strength strength, boolean disputes,
            String rationale, Strength majority, int votes) {
        public boolean withMajority() {
            return majority == strength;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reviewer(User reviewer, List<Rated> votes, int withMajority, int comparable, int hidden);
    }

    @Inject
    EntityManager em;

    @Inject
    BlindRating blind;

    @Inject
    CurrentUser currentUser;

    @GET
    @SuppressWarnings("unchecked")
    public TemplateInstance show(@PathParam("username") String username) {
        User reviewer = User.findByUsername(username).orElseThrow(() -> new NotFoundException("No reviewer " + username));
        // the majority is the single most frequent strength among all votes on the item (none on a tie)
        List<Object[]> rows = em.createNativeQuery("""
                WITH mine AS (
                    SELECT v.evidence_id, v.strength, v.disputes_stance, v.rationale, v.updated_at FROM vote v WHERE v.reviewer_id = :r),
                counts AS (
                    SELECT v.evidence_id, v.strength, count(*) AS n FROM vote v JOIN mine m ON m.evidence_id = v.evidence_id
                    GROUP BY v.evidence_id, v.strength),
                ranked AS (
                    SELECT evidence_id, strength, n, rank() OVER (PARTITION BY evidence_id ORDER BY n DESC) AS place,
                           count(*) OVER (PARTITION BY evidence_id, n) AS tied, sum(n) OVER (PARTITION BY evidence_id) AS total
                    FROM counts)
                SELECT m.evidence_id, c.slug, c.statement, d.title, m.strength, m.disputes_stance, m.rationale,
                       (SELECT r.strength FROM ranked r WHERE r.evidence_id = m.evidence_id AND r.place = 1 AND r.tied = 1),
                       (SELECT max(r.total) FROM ranked r WHERE r.evidence_id = m.evidence_id)
                FROM mine m JOIN evidence e ON e.id = m.evidence_id JOIN claim c ON c.id = e.claim_id JOIN document d ON d.id = e.document_id
                WHERE c.status = 'PUBLISHED' OR CAST(:unpublished AS boolean)
                ORDER BY m.updated_at DESC""")
                .setParameter("r", reviewer.id)
                .setParameter("unpublished", currentUser.seesUnpublishedClaims()).getResultList();
        // blind rating: a reviewer looking at someone else's page sees only the items they have rated too
        List<Rated> visible = rows.stream().filter(r -> blind.maySee(((Number) r[0]).longValue()))
                .map(r -> new Rated(((Number) r[0]).longValue(),
                (String) r[1], (String) r[2], (String) r[3], Strength.valueOf((String) r[4]), (Boolean) r[5], (String) r[6],
                r[7] == null ? null : Strength.valueOf((String) r[7]), ((Number) r[8]).intValue())).toList();
        List<Rated> comparable = visible.stream().filter(r -> r.votes() >= 2 && r.majority() != null).toList();
        int withMajority = (int) comparable.stream().filter(Rated::withMajority).count();
        return Templates.reviewer(reviewer, visible, withMajority, comparable.size(), rows.size() - visible.size());
    }
}
