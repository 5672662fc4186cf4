package app.crux.score;

import app.crux.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.List;

/**
 * Recomputes a claim's evidence weights and its {@link ClaimScore} from the votes.
 * Called by every write that changes them, inside that write's transaction, with
 * the claim row locked so concurrent writers queue instead of losing updates.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@SuppressWarnings("unchecked")
public class ScoreKeeper {

    /**
     * Mean strength (HIGH 4 … VERY_LOW 1); unrated counts 1; disputed by a majority of its reviewers counts 0. Detached
     * items are kept in step too (their weight counts nowhere, see SIDES), so a restore or an import finds it right.
     */
    private static final String WEIGHTS_OF = """
            SELECT x.id, count(v.reviewer_id) AS votes,
                         count(v.reviewer_id) FILTER (WHERE v.disputes_stance) AS disputes,
                         CASE WHEN count(v.reviewer_id) = 0 THEN 1
                              WHEN 2 * count(v.reviewer_id) FILTER (WHERE v.disputes_stance) > count(v.reviewer_id) THEN 0
                              ELSE round(avg(CASE v.strength WHEN 'HIGH' THEN 4 WHEN 'MODERATE' THEN 3
                                                              WHEN 'LOW' THEN 2 ELSE 1 END), 2) END AS weight
                  FROM evidence x LEFT JOIN vote v ON v.evidence_id = x.id
            """;

    /** Every item of a claim. */
    private static final String EVIDENCE_WEIGHTS = """
            UPDATE evidence e SET weight = w.weight, vote_count = w.votes, dispute_count = w.disputes
            FROM (""" + WEIGHTS_OF + """
                  WHERE x.claim_id = :claim GROUP BY x.id) w
            WHERE e.id = w.id AND (e.weight, e.vote_count, e.dispute_count) IS DISTINCT FROM (w.weight, w.votes, w.disputes)
            """;

    /**
     * What a vote changes, in one statement: the same rule for one item, written, and the claim's sides summed
     * as in SIDES. The sum reads the snapshot from before that write, so the item's new values are taken from
     * the computation itself (cast as the column stores them).
     */
    private static final String ITEM_WEIGHT_AND_SIDES = """
            WITH w AS (""" + WEIGHTS_OF + """
                  WHERE x.id = :evidence GROUP BY x.id),
            changed AS (
                UPDATE evidence e SET weight = w.weight, vote_count = w.votes, dispute_count = w.disputes FROM w
                WHERE e.id = w.id AND (e.weight, e.vote_count, e.dispute_count) IS DISTINCT FROM (w.weight, w.votes, w.disputes)
                RETURNING e.id)
            SELECT coalesce(sum(weight) FILTER (WHERE stance = 'SUPPORTS'), 0),
                   coalesce(sum(weight) FILTER (WHERE stance = 'CONFLICTS'), 0),
                   count(*) FILTER (WHERE stance = 'SUPPORTS'),
                   count(*) FILTER (WHERE stance = 'CONFLICTS'),
                   coalesce(sum(vote_count), 0)
            FROM (SELECT e.stance, CASE WHEN w.id IS NULL THEN e.weight ELSE CAST(w.weight AS numeric(4, 2)) END AS weight,
                         CASE WHEN w.id IS NULL THEN e.vote_count ELSE w.votes END AS vote_count
                  FROM evidence e LEFT JOIN w ON w.id = e.id
                  WHERE e.claim_id = :claim AND e.detached_at IS NULL) s
            """;

    private static final String SIDES = """
            SELECT coalesce(sum(weight) FILTER (WHERE stance = 'SUPPORTS'), 0),
                   coalesce(sum(weight) FILTER (WHERE stance = 'CONFLICTS'), 0),
                   count(*) FILTER (WHERE stance = 'SUPPORTS'),
                   count(*) FILTER (WHERE stance = 'CONFLICTS'),
                   coalesce(sum(vote_count), 0)
            FROM evidence WHERE claim_id = :claim AND detached_at IS NULL
            """;

    /** Both sides' weights and counts, and the votes on all of it. */
    private record Sides(BigDecimal supportWeight, BigDecimal conflictWeight, int supportCount, int conflictCount, int voteCount) {
    }

    @Inject
    EntityManager em;

    /** Takes the claim's row lock: writers to one claim's evidence and votes go one at a time. */
    public void lock(long claimId) {
        em.createNativeQuery("SELECT id FROM claim WHERE id = :claim FOR UPDATE").setParameter("claim", claimId).getResultList();
    }

    public ClaimScore recompute(long claimId) {
        lock(claimId);
        em.flush();
        em.createNativeQuery(EVIDENCE_WEIGHTS).setParameter("claim", claimId).executeUpdate();
        return sum(claimId);
    }

    /**
     * After a vote on one item: that item's weight from its own votes, then the claim's sides summed
     * from the stored weights — the votes of the claim's other items are not read again. The caller
     * already holds the claim's lock ({@link #lock}), taken before it read the vote it replaces.
     * Gives exactly what {@link #recompute} gives (ScoreConsistencyTest).
     */
    public ClaimScore recomputeItem(long claimId, long evidenceId) {
        em.flush();
        return score(claimId, Rows.single(em.createNativeQuery(ITEM_WEIGHT_AND_SIDES).setParameter("evidence", evidenceId)
                .setParameter("claim", claimId), Sides.class));
    }

    private ClaimScore sum(long claimId) {
        return score(claimId, Rows.single(em.createNativeQuery(SIDES).setParameter("claim", claimId), Sides.class));
    }

    private ClaimScore score(long claimId, Sides sides) {
        ClaimScore score = em.find(ClaimScore.class, claimId);
        if (score == null) {
            score = new ClaimScore();
            score.claimId = claimId;
            em.persist(score);
        }
        score.supportWeight = sides.supportWeight();
        score.conflictWeight = sides.conflictWeight();
        score.supportCount = sides.supportCount();
        score.conflictCount = sides.conflictCount();
        score.voteCount = sides.voteCount();
        score.contestedness = Verdict.contestedness(score.supportWeight, score.conflictWeight);
        score.rankScore = score.contestedness.multiply(score.supportWeight.add(score.conflictWeight));
        score.verdict = Verdict.of(score.supportWeight, score.conflictWeight, score.voteCount);
        score.lastActivityAt = java.time.Instant.now();
        return score;
    }

    /** Maintenance: every claim's weights and score from the votes, as if written one by one. Returns how many. */
    public int recomputeAll() {
        List<Number> ids = em.createNativeQuery("SELECT id FROM claim ORDER BY id").getResultList();
        for (Number id : ids) {
            recompute(id.longValue());
        }
        return ids.size();
    }
}
