package app.crux.review;

import app.crux.audit.AuditLog;
import app.crux.disagreement.ScoreKeeper;
import app.crux.evidence.Evidence;
import app.crux.web.BadInput;
import app.crux.web.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Votes: cast or replace one, with the claim's aggregates updated in the same transaction. */
@ApplicationScoped
@Transactional
public class ReviewService {

    public static final int MAX_RATIONALE = 2000;

    public record Ballot(Strength strength, boolean disputesStance, String rationale) {
    }

    /** What a vote changed: the evidence item's new weight and how many have voted on it. */
    public record Cast(long evidenceId, long claimId, Ballot ballot, boolean replaced) {
    }

    @Inject
    EntityManager em;

    @Inject
    ScoreKeeper scores;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    public Cast vote(long evidenceId, long reviewerId, Ballot ballot) {
        if (ballot.strength() == null) {
            throw new BadInput("Choose a strength: HIGH, MODERATE, LOW or VERY_LOW.");
        }
        String rationale = ballot.rationale() == null || ballot.rationale().isBlank() ? null : ballot.rationale().strip();
        if (rationale != null && rationale.length() > MAX_RATIONALE) {
            throw new BadInput("The rationale is longer than " + MAX_RATIONALE + " characters.");
        }
        Evidence evidence = Evidence.find("from Evidence e join fetch e.claim where e.id = ?1", evidenceId).firstResult();
        if (evidence == null) {
            throw new NotFoundException("No evidence " + evidenceId);
        }
        // only readers of a hidden claim are asked who they are (the demo loader votes outside any request)
        if (!evidence.claim.status.isPublic() && !evidence.claim.visibleTo(currentUser.seesUnpublishedClaims())) {
            throw new NotFoundException("No evidence " + evidenceId);
        }
        if (!evidence.claim.open()) {
            throw new BadInput("This claim is " + evidence.claim.status.label.toLowerCase() + "; its evidence is no longer rated.");
        }
        long claimId = evidence.claim.id;
        scores.lock(claimId);
        List<Object[]> previous = em.createNativeQuery(
                "SELECT strength, disputes_stance, rationale FROM vote WHERE evidence_id = :e AND reviewer_id = :r")
                .setParameter("e", evidenceId).setParameter("r", reviewerId).getResultList();
        em.createNativeQuery("""
                INSERT INTO vote (evidence_id, reviewer_id, strength, disputes_stance, rationale)
                VALUES (:e, :r, :strength, :dispute, :rationale)
                ON CONFLICT (evidence_id, reviewer_id) DO UPDATE
                SET strength = excluded.strength, disputes_stance = excluded.disputes_stance,
                    rationale = excluded.rationale, updated_at = now()""")
                .setParameter("e", evidenceId).setParameter("r", reviewerId).setParameter("strength", ballot.strength().name())
                .setParameter("dispute", ballot.disputesStance()).setParameter("rationale", rationale)
                .executeUpdate();
        scores.recompute(claimId);
        Map<String, Object> after = describe(ballot.strength().name(), ballot.disputesStance(), rationale);
        Map<String, Object> before = previous.isEmpty() ? null
                : describe((String) previous.get(0)[0], (Boolean) previous.get(0)[1], (String) previous.get(0)[2]);
        audit.record(before == null ? "vote.cast" : "vote.replace", "evidence", evidenceId,
                "Rated " + ballot.strength().label.toLowerCase() + (ballot.disputesStance() ? ", disputing the stance," : "")
                        + " on “" + evidence.claim.statement + "”", before, after);
        return new Cast(evidenceId, claimId, new Ballot(ballot.strength(), ballot.disputesStance(), rationale), before != null);
    }

    /** Maintenance: recomputes every claim's weights and score from the votes. */
    public int recomputeAll() {
        int claims = scores.recomputeAll();
        audit.record("scores.recompute", "claim_score", null, "Recomputed the scores of " + claims + " claim(s)", null, null);
        return claims;
    }

    private static Map<String, Object> describe(String strength, boolean dispute, String rationale) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("strength", strength);
        state.put("disputesStance", dispute);
        state.put("rationale", rationale);
        return state;
    }
}
