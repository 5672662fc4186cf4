package app.crux.review;

import app.crux.Rows;
import app.crux.score.Strength;
import app.crux.audit.AuditLog;
import app.crux.score.ScoreKeeper;
import app.crux.evidence.Evidence;
import app.crux.evidence.StanceChanged;
import app.crux.web.BadInput;
import app.crux.web.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Votes: cast, replace or withdraw one, with the claim's aggregates and the item's discussion mark
 * updated in the same transaction.
 */
@SuppressWarnings("unchecked")
@ApplicationScoped
@Transactional
public class ReviewService {

    public static final int MAX_RATIONALE = 2000;

    /** A rating as sent: each field may be absent, which keeps what the reviewer stored before. */
    public record Ballot(Field<Strength> strength, Field<Boolean> disputesStance, Field<String> rationale) {
        /** A complete rating, every field sent. */
        public static Ballot of(Strength strength, boolean disputesStance, String rationale) {
            return new Ballot(Field.of(strength), Field.of(disputesStance), Field.of(rationale));
        }
    }

    /** What a vote stored, whether it replaced an earlier one, and the item's ratings after it (read with the write). */
    public record Cast(long evidenceId, long claimId, Strength strength, boolean disputesStance, String rationale,
            boolean replaced, Votes.Tally tally) {
    }

    private record Stored(Strength strength, boolean disputesStance, String rationale) {
    }

    @Inject
    EntityManager em;

    @Inject
    ScoreKeeper scores;

    @Inject
    AuditLog audit;

    @Inject
    DiscussionService discussions;

    @Inject
    CurrentUser currentUser;

    public Cast vote(long evidenceId, long reviewerId, Ballot ballot) {
        Evidence evidence = openEvidence(evidenceId);
        long claimId = evidence.claim.id;
        scores.lock(claimId);
        Stored previous = stored(evidenceId, reviewerId);
        Strength strength = ballot.strength().or(previous == null ? null : previous.strength());
        if (strength == null) {
            throw new BadInput("Choose a strength: HIGH, MODERATE, LOW or VERY_LOW.");
        }
        boolean dispute = Boolean.TRUE.equals(ballot.disputesStance().or(previous != null && previous.disputesStance()));
        String rationale = ballot.rationale().or(previous == null ? null : previous.rationale());
        rationale = rationale == null || rationale.isBlank() ? null : rationale.strip();
        if (rationale != null && rationale.length() > MAX_RATIONALE) {
            throw new BadInput("The rationale is longer than " + MAX_RATIONALE + " characters.");
        }
        em.createNativeQuery("""
                INSERT INTO vote (evidence_id, reviewer_id, strength, disputes_stance, rationale)
                VALUES (:e, :r, :strength, :dispute, :rationale)
                ON CONFLICT (evidence_id, reviewer_id) DO UPDATE
                SET strength = excluded.strength, disputes_stance = excluded.disputes_stance,
                    rationale = excluded.rationale, updated_at = now()""")
                .setParameter("e", evidenceId).setParameter("r", reviewerId).setParameter("strength", strength.name())
                .setParameter("dispute", dispute).setParameter("rationale", rationale)
                .executeUpdate();
        scores.recomputeItem(claimId, evidenceId);
        List<Votes.Row> votes = discussions.reassess(evidenceId, claimId);
        Stored after = new Stored(strength, dispute, rationale);
        audit.record(previous == null ? "vote.cast" : "vote.replace", "evidence", evidenceId,
                "Rated " + strength.label.toLowerCase() + (dispute ? ", disputing the stance," : "")
                        + " on “" + evidence.claim.statement + "”", describe(previous), describe(after));
        return new Cast(evidenceId, claimId, strength, dispute, rationale, previous != null, Votes.Tally.of(votes));
    }

    /** Takes back the reviewer's rating of an item; the weights are recomputed as if it had never been cast. */
    public void withdraw(long evidenceId, long reviewerId) {
        Evidence evidence = openEvidence(evidenceId);
        long claimId = evidence.claim.id;
        scores.lock(claimId);
        Stored previous = stored(evidenceId, reviewerId);
        if (previous == null) {
            throw new NotFoundException("You have not rated this passage.");
        }
        em.createNativeQuery("DELETE FROM vote WHERE evidence_id = :e AND reviewer_id = :r")
                .setParameter("e", evidenceId).setParameter("r", reviewerId).executeUpdate();
        scores.recomputeItem(claimId, evidenceId);
        discussions.reassess(evidenceId, claimId);
        audit.record("vote.withdraw", "evidence", evidenceId, "Withdrew a rating on “" + evidence.claim.statement + "”",
                describe(previous), null);
    }

    private Evidence openEvidence(long evidenceId) {
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
        return evidence;
    }

    private Stored stored(long evidenceId, long reviewerId) {
        List<Stored> rows = Rows.list(em.createNativeQuery(
                "SELECT strength, disputes_stance, rationale FROM vote WHERE evidence_id = :e AND reviewer_id = :r")
                .setParameter("e", evidenceId).setParameter("r", reviewerId), Stored.class);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * An editor changed an item's stance: every rating's strength stays (it rates the passage), while a stance
     * dispute was about the old stance and is cleared. The evidence feature audits it, with these counts.
     */
    void onStanceChanged(@Observes StanceChanged changed) {
        int kept = ((Number) em.createNativeQuery("SELECT count(*) FROM vote WHERE evidence_id = :e")
                .setParameter("e", changed.evidenceId).getSingleResult()).intValue();
        int cleared = em.createNativeQuery("UPDATE vote SET disputes_stance = false WHERE evidence_id = :e AND disputes_stance")
                .setParameter("e", changed.evidenceId).executeUpdate();
        changed.counted(kept, cleared);
    }

    private static Map<String, Object> describe(Stored vote) {
        if (vote == null) {
            return null;
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("strength", vote.strength().name());
        state.put("disputesStance", vote.disputesStance());
        state.put("rationale", vote.rationale());
        return state;
    }
}
