package app.crux.score;

import app.crux.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The admin's maintenance write: every claim's weights and score rebuilt from the votes, recorded once. */
@ApplicationScoped
@Transactional
public class ScoreService {

    @Inject
    ScoreKeeper scores;

    @Inject
    AuditLog audit;

    public int recomputeAll() {
        int claims = scores.recomputeAll();
        audit.record("scores.recompute", "claim_score", null, "Recomputed the scores of " + claims + " claim(s)", null, null);
        return claims;
    }
}
