package app.crux.reading;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import app.crux.claim.Claim;
import app.crux.score.ClaimScore;
import app.crux.document.ExcerptJson;
import app.crux.evidence.EvidenceJson;
import app.crux.review.BlindRating;

import java.math.BigDecimal;
import java.util.List;

/**
 * A claim as the API shows it (GET /api/claims/{id} and the answers to writes). Blind rating:
 * for a reviewer, items they have not rated carry no weight or vote count, and while any item
 * is unrated ({@code unratedByYou} > 0) the claim's verdict, contestedness and side weights are
 * null and the items come in the order they were attached.
 */
public record ClaimJson(long id, String slug, String statement, List<String> tags, String status, int version,
        @Schema(nullable = true) String verdict, @Schema(nullable = true) BigDecimal contestedness,
        @Schema(nullable = true) BigDecimal supportWeight, @Schema(nullable = true) BigDecimal conflictWeight, boolean ratingsHidden, int unratedByYou,
        List<EvidenceJson> supports, List<EvidenceJson> conflicts) {

    public static ClaimJson of(ClaimView view, BlindRating blind) {
        Claim c = view.claim();
        ClaimScore s = view.score();
        Reading all = Reading.of(view, null, blind);
        boolean hidden = all.blind();
        return new ClaimJson(c.id, c.slug, c.statement, c.tagNames(), c.status.name(), c.version,
                hidden ? null : s.verdict.name(), hidden ? null : s.contestedness, hidden ? null : s.supportWeight,
                hidden ? null : s.conflictWeight, hidden, all.unrated(),
                all.supports().stream().map(e -> json(e, blind)).toList(),
                all.conflicts().stream().map(e -> json(e, blind)).toList());
    }

    private static EvidenceJson json(EvidenceItem e, BlindRating blind) {
        EvidenceItem.Passage x = e.excerpt();
        // an attached item: a detached one is not in the claim's view
        EvidenceJson json = new EvidenceJson(e.id(), e.claimId(), e.document().id(), e.document().title(), e.stance().name(),
                e.version(), false, x == null ? null
                        : new ExcerptJson(x.id(), x.start(), x.end(), x.exact(), x.prefix(), x.suffix(), x.orphaned(), x.changed()),
                e.note(), e.population(), e.intervention(), e.comparison(), e.outcome(), e.studyType(), e.weight(), e.voteCount());
        return blind.maySee(e.id()) ? json : json.withoutRatings();
    }
}
