package app.crux.review;

import app.crux.document.Excerpt;
import app.crux.evidence.Evidence;
import app.crux.evidence.Stance;
import io.quarkus.arc.Arc;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** A reviewer's queue: evidence of open claims they have not rated, most contested claims first. */
public final class ReviewQueue {

    /** The next item, the opposing side's strongest passage, and how far the reviewer has come. */
    public record Next(Evidence item, Evidence strongestOpposing, long rated, long total) {
        public long remaining() {
            return total - rated;
        }
    }

    private ReviewQueue() {
    }

    public static Optional<Next> next(long reviewerId) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        Object[] progress = (Object[]) em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM vote v WHERE v.evidence_id = e.id AND v.reviewer_id = :r)),
                       count(*)
                FROM evidence e JOIN claim c ON c.id = e.claim_id WHERE c.status IN ('PUBLISHED', 'DRAFT')""")
                .setParameter("r", reviewerId).getSingleResult();
        long rated = ((Number) progress[0]).longValue();
        long total = ((Number) progress[1]).longValue();
        List<Evidence> items = em.createQuery("""
                SELECT e FROM Evidence e JOIN FETCH e.claim c JOIN FETCH e.document LEFT JOIN FETCH e.excerpt, ClaimScore s
                WHERE s.claimId = c.id AND c.status IN (app.crux.claim.ClaimStatus.PUBLISHED, app.crux.claim.ClaimStatus.DRAFT)
                  AND NOT EXISTS (SELECT 1 FROM Vote v WHERE v.id.evidenceId = e.id AND v.id.reviewerId = :r)
                ORDER BY s.contestedness DESC, s.rankScore DESC, c.id, e.id""", Evidence.class)
                .setParameter("r", reviewerId).setMaxResults(1).getResultList();
        if (items.isEmpty()) {
            return Optional.empty();
        }
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
