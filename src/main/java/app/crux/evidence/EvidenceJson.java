package app.crux.evidence;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import app.crux.document.ExcerptJson;

import java.math.BigDecimal;

/**
 * An evidence item as the API shows it; weight and voteCount are null while blind rating hides them. {@code version}
 * is the one to send back with an edit (and the ETag); {@code detached} is true only for editors reading a detached item.
 */
public record EvidenceJson(long id, long claimId, long documentId, String documentTitle, String stance, int version, boolean detached,
        @Schema(nullable = true) ExcerptJson excerpt, @Schema(nullable = true) String note,
        @Schema(nullable = true) String population, @Schema(nullable = true) String intervention,
        @Schema(nullable = true) String comparison, @Schema(nullable = true) String outcome,
        @Schema(nullable = true) String studyType, @Schema(nullable = true) BigDecimal weight,
        @Schema(nullable = true) Integer voteCount) {

    /** The same item without anything that tells how it was rated. */
    public EvidenceJson withoutRatings() {
        return new EvidenceJson(id, claimId, documentId, documentTitle, stance, version, detached, excerpt, note, population, intervention,
                comparison, outcome, studyType, null, null);
    }

    public static EvidenceJson of(Evidence e) {
        return new EvidenceJson(e.id, e.claim.id, e.document.id, e.document.title, e.stance.name(), e.version, e.detached(),
                e.excerpt == null ? null : ExcerptJson.of(e.excerpt), e.note, e.population, e.intervention,
                e.comparison, e.outcome, e.studyType, e.weight, e.voteCount);
    }
}
