package app.crux.claim;

import app.crux.disagreement.ClaimScore;
import app.crux.evidence.EvidenceJson;

import java.math.BigDecimal;
import java.util.List;

/** A claim as the API shows it (GET /api/claims/{id} and the answers to writes). */
public record ClaimJson(long id, String slug, String statement, List<String> tags, String status, int version, String verdict,
        BigDecimal contestedness, BigDecimal supportWeight, BigDecimal conflictWeight, List<EvidenceJson> supports,
        List<EvidenceJson> conflicts) {

    public static ClaimJson of(ClaimView view) {
        Claim c = view.claim();
        ClaimScore s = view.score();
        return new ClaimJson(c.id, c.slug, c.statement, c.tagNames(), c.status.name(), c.version, s.verdict.name(),
                s.contestedness, s.supportWeight, s.conflictWeight,
                view.supports().stream().map(EvidenceJson::of).toList(),
                view.conflicts().stream().map(EvidenceJson::of).toList());
    }
}
