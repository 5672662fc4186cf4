package app.crux.review;

import app.crux.document.Excerpt;
import app.crux.evidence.Evidence;
import app.crux.evidence.Stance;
import io.quarkus.arc.Arc;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/**
 * A reviewer's queue: evidence of published claims they have not rated, the claim in progress, then
 * the most contested. Drafts and retracted claims are not public (ClaimStatus.isPublic), so nobody is asked to rate them.
 */
@SuppressWarnings("unchecked")
public final class ReviewQueue {

    /** The next item, the opposing side's strongest passage, and how far the reviewer has come. */
    public record Next(Evidence item, Evidence strongestOpposing, long rated, long total) {
        public long remaining() {
            return total - rated;
        }
    }

    private ReviewQueue() {
    }

    /** @param claimId only this claim's evidence, or null for the whole queue */
    public static Optional<Next> next(long reviewerId, Long claimId) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        Object[] progress = (Object[]) em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM vote v WHERE v.evidence_id = e.id AND v.reviewer_id = :r)),
                       count(*)
                FROM evidence e JOIN claim c ON c.id = e.claim_id
                WHERE c.status = 'PUBLISHED' AND (CAST(:claim AS bigint) IS NULL OR c.id = :claim)""")
                .setParameter("r", reviewerId).setParameter("claim", claimId).getSingleResult();
        long rated = ((Number) progress[0]).longValue();
        long total = ((Number) progress[1]).longValue();
        // a claim the reviewer has started comes first, so they finish weighing one dispute before the next
        List<Number> next = em.createNativeQuery("""
                SELECT e.id FROM evidence e JOIN claim c ON c.id = e.claim_id JOIN claim_score s ON s.claim_id = c.id
                WHERE c.status = 'PUBLISHED' AND (CAST(:claim AS bigint) IS NULL OR c.id = :claim)
                  AND NOT EXISTS (SELECT 1 FROM vote v WHERE v.evidence_id = e.id AND v.reviewer_id = :r)
                ORDER BY EXISTS (SELECT 1 FROM vote v JOIN evidence x ON x.id = v.evidence_id
                                 WHERE x.claim_id = c.id AND v.reviewer_id = :r) DESC,
                         s.contestedness DESC, s.rank_score DESC, c.id, e.id
                LIMIT 1""").setParameter("r", reviewerId).setParameter("claim", claimId).getResultList();
        if (next.isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> items = em.createQuery("""
                SELECT e FROM Evidence e JOIN FETCH e.claim JOIN FETCH e.document LEFT JOIN FETCH e.excerpt WHERE e.id = :id""",
                Evidence.class).setParameter("id", next.get(0).longValue()).getResultList();
        Evidence item = items.get(0);
        Stance other = item.stance == Stance.SUPPORTS ? Stance.CONFLICTS : Stance.SUPPORTS;
        List<Evidence> opposing = em.createQuery("""
                SELECT e FROM Evidence e JOIN FETCH e.document LEFT JOIN FETCH e.excerpt
                WHERE e.claim.id = :c AND e.stance = :s ORDER BY e.weight DESC, e.id""", Evidence.class)
                .setParameter("c", item.claim.id).setParameter("s", other).setMaxResults(1).getResultList();
        return Optional.of(new Next(item, opposing.isEmpty() ? null : opposing.get(0), rated, total));
    }

    /** Passages that re-anchoring flagged after a revision, for editors to check. */
    public static List<Excerpt> needingAttention() {
        return Excerpt.list("from Excerpt x join fetch x.document where x.orphaned = true or x.changed = true order by x.id desc");
    }
}
