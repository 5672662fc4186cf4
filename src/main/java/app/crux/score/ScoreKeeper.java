package app.crux.score;

import app.crux.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
     * Each item's votes are read through the vote key (LATERAL): with a join over many items, the planner
     * chose to scan all 3 million votes of the large bench set for a few hundred claims.
     */
    private static final String WEIGHTS_OF = """
            SELECT x.id, r.votes, r.disputes, r.weight
                  FROM evidence x CROSS JOIN LATERAL (
                      SELECT count(*) AS votes, count(*) FILTER (WHERE v.disputes_stance) AS disputes,
                             CASE WHEN count(*) = 0 THEN 1
                                  WHEN 2 * count(*) FILTER (WHERE v.disputes_stance) > count(*) THEN 0
                                  ELSE round(avg(CASE v.strength WHEN 'HIGH' THEN 4 WHEN 'MODERATE' THEN 3
                                                                  WHEN 'LOW' THEN 2 ELSE 1 END), 2) END AS weight
                      FROM vote v WHERE v.evidence_id = x.id) r
            """;

    /** Every item of a claim. */
    private static final String EVIDENCE_WEIGHTS = """
            UPDATE evidence e SET weight = w.weight, vote_count = w.votes, dispute_count = w.disputes
            FROM (""" + WEIGHTS_OF + """
                  WHERE x.claim_id = :claim) w
            WHERE e.id = w.id AND (e.weight, e.vote_count, e.dispute_count) IS DISTINCT FROM (w.weight, w.votes, w.disputes)
            """;

    /**
     * What a vote changes, in one statement: the same rule for one item, written, and the claim's sides summed
     * as in SIDES. The sum reads the snapshot from before that write, so the item's new values are taken from
     * the computation itself (cast as the column stores them).
     */
    private static final String ITEM_WEIGHT_AND_SIDES = """
            WITH w AS (""" + WEIGHTS_OF + """
                  WHERE x.id = :evidence),
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

    /** A claim's score row, as {@link ClaimScore} maps it, written whether or not it exists yet. */
    private static final String UPSERT_SCORE = """
            INSERT INTO claim_score (claim_id, support_weight, conflict_weight, support_count, conflict_count, vote_count,
                                     contestedness, rank_score, verdict, last_activity_at)
            VALUES (:claim, :support, :conflict, :supportCount, :conflictCount, :votes, :contestedness, :rank, :verdict, :at)
            ON CONFLICT (claim_id) DO UPDATE SET support_weight = excluded.support_weight, conflict_weight = excluded.conflict_weight,
                support_count = excluded.support_count, conflict_count = excluded.conflict_count, vote_count = excluded.vote_count,
                contestedness = excluded.contestedness, rank_score = excluded.rank_score, verdict = excluded.verdict,
                last_activity_at = excluded.last_activity_at
            """;

    /** A chunk of claims at once, for the maintenance recompute: EVIDENCE_WEIGHTS and SIDES over many claims. */
    private static final String CHUNK_WEIGHTS = """
            UPDATE evidence e SET weight = w.weight, vote_count = w.votes, dispute_count = w.disputes
            FROM (""" + WEIGHTS_OF + """
                  WHERE x.claim_id IN (:claims)) w
            WHERE e.id = w.id AND e.claim_id IN (:claims) AND (e.weight, e.vote_count, e.dispute_count) IS DISTINCT FROM (w.weight, w.votes, w.disputes)
            """;

    /** SIDES for each claim of a chunk; a claim with no attached evidence has no row (its sides are {@link Sides#NONE}). */
    private static final String CHUNK_SIDES = """
            SELECT claim_id,
                   coalesce(sum(weight) FILTER (WHERE stance = 'SUPPORTS'), 0),
                   coalesce(sum(weight) FILTER (WHERE stance = 'CONFLICTS'), 0),
                   count(*) FILTER (WHERE stance = 'SUPPORTS'),
                   count(*) FILTER (WHERE stance = 'CONFLICTS'),
                   coalesce(sum(vote_count), 0)
            FROM evidence WHERE claim_id IN (:claims) AND detached_at IS NULL GROUP BY claim_id
            """;

    /** Both sides' weights and counts, and the votes on all of it. */
    private record Sides(BigDecimal supportWeight, BigDecimal conflictWeight, int supportCount, int conflictCount, int voteCount) {
        /** A claim without attached evidence, as SIDES sums it. */
        static final Sides NONE = new Sides(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0);
    }

    private record ClaimSides(long claimId, BigDecimal supportWeight, BigDecimal conflictWeight, int supportCount, int conflictCount,
            int voteCount) {
        Sides sides() {
            return new Sides(supportWeight, conflictWeight, supportCount, conflictCount, voteCount);
        }
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
     * already holds the claim's row lock (the one {@link #lock} takes), taken before it read the vote it replaces.
     * Gives exactly what {@link #recompute} gives (ScoreConsistencyTest).
     */
    public void recomputeItem(long claimId, long evidenceId) {
        em.flush();
        Sides sides = Rows.single(em.createNativeQuery(ITEM_WEIGHT_AND_SIDES).setParameter("evidence", evidenceId)
                .setParameter("claim", claimId), Sides.class);
        // written without loading the row first: a vote is the hottest write, and nothing in its transaction holds the entity
        ClaimScore score = new ClaimScore();
        fill(score, sides);
        em.createNativeQuery(UPSERT_SCORE).setParameter("claim", claimId).setParameter("support", score.supportWeight)
                .setParameter("conflict", score.conflictWeight).setParameter("supportCount", score.supportCount)
                .setParameter("conflictCount", score.conflictCount).setParameter("votes", score.voteCount)
                .setParameter("contestedness", score.contestedness).setParameter("rank", score.rankScore)
                .setParameter("verdict", score.verdict.name()).setParameter("at", score.lastActivityAt)
                .executeUpdate();
    }

    private ClaimScore sum(long claimId) {
        return score(claimId, Rows.single(em.createNativeQuery(SIDES).setParameter("claim", claimId), Sides.class));
    }

    private ClaimScore score(long claimId, Sides sides) {
        return score(em.find(ClaimScore.class, claimId), claimId, sides);
    }

    private ClaimScore score(ClaimScore stored, long claimId, Sides sides) {
        ClaimScore score = stored;
        if (score == null) {
            score = new ClaimScore();
            score.claimId = claimId;
            em.persist(score);
        }
        fill(score, sides);
        return score;
    }

    private static void fill(ClaimScore score, Sides sides) {
        score.supportWeight = sides.supportWeight();
        score.conflictWeight = sides.conflictWeight();
        score.supportCount = sides.supportCount();
        score.conflictCount = sides.conflictCount();
        score.voteCount = sides.voteCount();
        score.contestedness = Verdict.contestedness(score.supportWeight, score.conflictWeight);
        score.rankScore = score.contestedness.multiply(score.supportWeight.add(score.conflictWeight));
        score.verdict = Verdict.of(score.supportWeight, score.conflictWeight, score.voteCount);
        score.lastActivityAt = java.time.Instant.now();
    }

    /**
     * Maintenance: the weights and scores of up to {@code limit} claims after {@code afterId}, in id order, as if
     * each were recomputed on its own (ScoreConsistencyTest) but in a few statements for the whole chunk. The
     * chunk's claims are locked in id order, as {@link #lock} takes one. Returns their ids; empty after the last.
     */
    public List<Long> recomputeChunk(long afterId, int limit) {
        List<Long> ids = ((List<Number>) em.createNativeQuery(
                "SELECT id FROM claim WHERE id > :after ORDER BY id LIMIT :limit FOR UPDATE")
                .setParameter("after", afterId).setParameter("limit", limit).getResultList())
                .stream().map(Number::longValue).toList();
        if (ids.isEmpty()) {
            return ids;
        }
        em.flush();
        em.createNativeQuery(CHUNK_WEIGHTS).setParameter("claims", ids).executeUpdate();
        Map<Long, ClaimScore> stored = new HashMap<>();
        for (ClaimScore score : em.createQuery("from ClaimScore where claimId in :claims", ClaimScore.class)
                .setParameter("claims", ids).getResultList()) {
            stored.put(score.claimId, score);
        }
        Map<Long, Sides> sides = new HashMap<>();
        for (ClaimSides row : Rows.list(em.createNativeQuery(CHUNK_SIDES).setParameter("claims", ids), ClaimSides.class)) {
            sides.put(row.claimId(), row.sides());
        }
        for (long id : ids) {
            score(stored.get(id), id, sides.getOrDefault(id, Sides.NONE));
        }
        return ids;
    }
}
