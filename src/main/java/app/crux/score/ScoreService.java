package app.crux.score;

import app.crux.audit.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * The admin's maintenance write: every claim's weights and score rebuilt from the votes, recorded once.
 * A chunk of claims per transaction: in one transaction, 10,000 claims outlasted the transaction timeout,
 * and every claim stayed locked until the end. Each chunk is exact on its own, so a recompute cut short
 * leaves correct scores behind and can simply be run again.
 */
@ApplicationScoped
public class ScoreService {

    static final int CHUNK = 500;

    @Inject
    ScoreKeeper scores;

    @Inject
    AuditLog audit;

    public int recomputeAll() {
        return recomputeAll(CHUNK);
    }

    int recomputeAll(int chunk) {
        int claims = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> done = QuarkusTransaction.requiringNew().call(() -> scores.recomputeChunk(from, chunk));
            if (done.isEmpty()) {
                break;
            }
            claims += done.size();
            after = done.get(done.size() - 1);
        }
        int total = claims;
        QuarkusTransaction.requiringNew().run(() -> audit.record("scores.recompute", "claim_score", null,
                "Recomputed the scores of " + total + " claim(s)", null, null));
        return total;
    }
}
