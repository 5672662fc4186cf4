package app.crux.evidence;

import app.crux.document.DocumentApi;

import java.math.BigDecimal;

/** An evidence item as the API shows it. */
public record EvidenceJson(long id, long claimId, long documentId, String documentTitle, String stance,
        DocumentApi.ExcerptJson excerpt, String note, String population, String intervention, String comparison, String outcome,
        String studyType, BigDecimal weight, int voteCount) {

    public static EvidenceJson of(Evidence e) {
        return new EvidenceJson(e.id, e.claim.id, e.document.id, e.document.title, e.stance.name(),
                e.excerpt == null ? null : DocumentApi.ExcerptJson.of(e.excerpt), e.note, e.population, e.intervention,
                e.comparison, e.outcome, e.studyType, e.weight, e.voteCount);
    }
}
