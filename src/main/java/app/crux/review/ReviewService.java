package app.crux.review;

import app.crux.Rows;
import app.crux.score.Strength;
import app.crux.audit.AuditLog;
import app.crux.score.ScoreKeeper;
import app.crux.claim.Claim;
import app.crux.claim.ClaimStatus;
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
        Target target = openEvidence(evidenceId);
        long claimId = target.claimId();
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
                        + " on “" + target.statement() + "”", describe(previous), describe(after));
        return new Cast(evidenceId, claimId, strength, dispute, rationale, previous != null, Votes.Tally.of(votes));
    }

    /** Takes back the reviewer's rating of an item; the weights are recomputed as if it had never been cast. */
    public void withdraw(long evidenceId, long reviewerId) {
        Target target = openEvidence(evidenceId);
        long claimId = target.claimId();
        Stored previous = stored(evidenceId, reviewerId);
        if (previous == null) {
            throw new NotFoundException("You have not rated this passage.");
        }
        em.createNativeQuery("DELETE FROM vote WHERE evidence_id = :e AND reviewer_id = :r")
                .setParameter("e", evidenceId).setParameter("r", reviewerId).executeUpdate();
        scores.recomputeItem(claimId, evidenceId);
        discussions.reassess(evidenceId, claimId);
        audit.record("vote.withdraw", "evidence", evidenceId, "Withdrew a rating on “" + target.statement() + "”",
                describe(previous), null);
    }

    /** The rated item's claim, as a vote needs it: its id, its statement for the audit, and whether it is shown. */
    private record Target(long claimId, String statement, ClaimStatus status, ClaimStatus targetStatus) {
    }

    /**
     * The item's claim, read and locked in one statement ({@link ScoreKeeper#lock}'s lock: writers to one claim's
     * votes go one at a time), with a 404 for an item nobody may see (a detached one too: the entity's
     * {@code @SQLRestriction} does not apply to native SQL) and a 400 for a claim no longer rated.
     */
    private Target openEvidence(long evidenceId) {
        List<Target> rows = Rows.list(em.createNativeQuery("""
                SELECT c.id, c.statement, c.status, m.status AS target_status
                FROM evidence e JOIN claim c ON c.id = e.claim_id LEFT JOIN claim m ON m.id = c.merged_into_id
                WHERE e.id = :e AND e.detached_at IS NULL FOR UPDATE OF c""").setParameter("e", evidenceId), Target.class);
        if (rows.isEmpty()) {
            throw new NotFoundException("No evidence " + evidenceId);
        }
        Target target = rows.get(0);
        // only readers of a hidden claim are asked who they are (the demo loader votes outside any request)
        if (!target.status().isPublic() && !Claim.visible(target.status(), target.targetStatus(), currentUser.seesUnpublishedClaims())) {
            throw new NotFoundException("No evidence " + evidenceId);
        }
        if (!target.status().isOpen()) {
            throw new BadInput("This claim is " + target.status().label.toLowerCase() + "; its evidence is no longer rated.");
        }
        return target;
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
