package app.crux.review;

import app.crux.Rows;
import app.crux.evidence.Evidence;
import app.crux.evidence.Stance;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A reviewer's queue: evidence of published claims they have not rated — claims an editor asked them
 * to rate first, then the claim in progress, then the most contested. Drafts and retracted claims are not public (ClaimStatus.isPublic), so nobody is asked to rate them.
 */
@SuppressWarnings("unchecked")
public final class ReviewQueue {

    /**
     * The next item, a passage from the opposing side, and how far the reviewer has come. The
     * opposing passage is the strongest one the reviewer has rated; when they have rated none,
     * it is the first attached and its weight stays hidden ({@code opposingBlind}): picking the
     * strongest unrated one would itself tell how it was rated.
     */
    public record Next(Evidence item, Evidence strongestOpposing, boolean opposingBlind, long rated, long total) {
        public long remaining() {
            return total - rated;
        }
    }

    /** How many of the queue's items the reviewer has rated, of how many. */
    private record Progress(long rated, long total) {
    }

    private ReviewQueue() {
    }

    /** @param claimId only this claim's evidence, or null for the whole queue */
    public static Optional<Next> next(long reviewerId, Long claimId, BlindRating blind) {
        EntityManager em = Panache.getEntityManager();
        Progress progress = Rows.single(em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM vote v WHERE v.evidence_id = e.id AND v.reviewer_id = :r)),
                       count(*)
                FROM evidence e JOIN claim c ON c.id = e.claim_id
                WHERE c.status = 'PUBLISHED' AND e.detached_at IS NULL AND (:claim IS NULL OR c.id = :claim)""")
                .unwrap(NativeQuery.class).setParameter("r", reviewerId).setParameter("claim", claimId, Long.class), Progress.class);
        long rated = progress.rated();
        long total = progress.total();
        // claims an editor asked this reviewer to rate come first, then a claim the reviewer has started,
        // so they finish weighing one dispute before the next
        List<Number> next = em.createNativeQuery("""
                SELECT e.id FROM evidence e JOIN claim c ON c.id = e.claim_id JOIN claim_score s ON s.claim_id = c.id
                WHERE c.status = 'PUBLISHED' AND e.detached_at IS NULL AND (:claim IS NULL OR c.id = :claim)
                  AND NOT EXISTS (SELECT 1 FROM vote v WHERE v.evidence_id = e.id AND v.reviewer_id = :r)
                ORDER BY EXISTS (SELECT 1 FROM rating_request q WHERE q.claim_id = c.id AND q.reviewer_id = :r) DESC,
                         EXISTS (SELECT 1 FROM vote v JOIN evidence x ON x.id = v.evidence_id
                                 WHERE x.claim_id = c.id AND x.detached_at IS NULL AND v.reviewer_id = :r) DESC,
                         s.contestedness DESC, s.rank_score DESC, c.id, e.id
                LIMIT 1""").unwrap(NativeQuery.class).setParameter("r", reviewerId).setParameter("claim", claimId, Long.class)
                .getResultList();
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
                WHERE e.claim.id = :c AND e.stance = :s ORDER BY e.id""", Evidence.class)
                .setParameter("c", item.claim.id).setParameter("s", other).getResultList();
        Evidence strongest = opposing.stream().filter(e -> blind.maySee(e.id))
                .max(Comparator.comparing((Evidence e) -> e.weight).thenComparing(e -> -e.id)).orElse(null);
        boolean opposingBlind = strongest == null && !opposing.isEmpty();
        return Optional.of(new Next(item, opposingBlind ? opposing.get(0) : strongest, opposingBlind, rated, total));
    }

    /** The item the reviewer rated last, with its claim, so the queue can offer to withdraw that rating; or null. */
    public static Evidence lastRated(long reviewerId) {
        EntityManager em = Panache.getEntityManager();
        return em.createQuery("""
                SELECT e FROM Evidence e JOIN FETCH e.claim, Vote v
                WHERE v.id.evidenceId = e.id AND v.id.reviewerId = :r ORDER BY v.updatedAt DESC, e.id DESC""", Evidence.class)
                .setParameter("r", reviewerId).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }
}
