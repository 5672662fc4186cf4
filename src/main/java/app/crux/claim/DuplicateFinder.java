package app.crux.claim;

import app.crux.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * Existing claims worded like a new statement (pg_trgm trigram similarity), so an
 * editor reuses "Tight hamstrings tilt the pelvis back" instead of adding it again in other words.
 */
@ApplicationScoped
public class DuplicateFinder {

    /** Below this, suggestions are mostly noise; pg_trgm's own default is 0.3. */
    public static final double THRESHOLD = 0.3;
    private static final int LIMIT = 5;

    public record Similar(long id, String slug, String statement, double similarity) {
    }

    @Inject
    EntityManager em;

    /** Among open claims (drafts included): for editors, who are about to add a claim. */
    public List<Similar> similarTo(String statement, Long excludeId) {
        return similarTo(statement, excludeId, List.of(ClaimStatus.DRAFT, ClaimStatus.PUBLISHED));
    }

    /** @param statuses the claims to look among (see {@link ClaimVisibility#suggested()}) */
    public List<Similar> similarTo(String statement, Long excludeId, List<ClaimStatus> statuses) {
        if (statement == null || statement.strip().length() < 3) {
            return List.of();
        }
        return Rows.list(em.createNativeQuery("""
                SELECT id, slug, statement, similarity(statement, :text) AS score
                FROM claim
                WHERE status IN (:statuses) AND id <> :exclude
                  AND statement % :text AND similarity(statement, :text) >= :threshold
                ORDER BY score DESC, id
                LIMIT :limit""")
                .setParameter("text", statement.strip())
                .setParameter("exclude", excludeId == null ? -1L : excludeId)
                .setParameter("statuses", statuses.stream().map(Enum::name).toList())
                .setParameter("threshold", THRESHOLD)
                .setParameter("limit", LIMIT), Similar.class);
    }
}
