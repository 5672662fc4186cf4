package app.crux.reading;

import app.crux.claim.Claim;
import app.crux.claim.MergeService;
import app.crux.evidence.SharedPassages;
import app.crux.review.BlindRating;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What merging {@code from} into {@code into} would do, shown before the editor confirms: the items
 * that move, their ratings, the tags the target gains, and each passage both claims quote with both
 * stances. Rating counts follow blind rating: null for an editor who is also a reviewer and has not
 * rated the items.
 */
public record MergePreview(Candidate from, Candidate into, int evidenceMoving, @Schema(nullable = true) Integer ratingsMoving, List<String> tagsAdded,
        List<Shared> shared) {

    public record Candidate(long id, String slug, String statement, String status) {
        static Candidate of(Claim claim) {
            return new Candidate(claim.id, claim.slug, claim.statement, claim.status.name());
        }
    }

    /**
     * A passage both claims quote ({@code quote} null: a source both cite as a whole). {@code sameStance}:
     * the target's item stays unless the editor chooses otherwise; opposite stances must be chosen.
     * {@code choices}: what may be sent as {@code keep} (a whole source keeps the target's item).
     */
    public record Shared(long sourceItem, long targetItem, String document, @Schema(nullable = true) String quote, String sourceStance,
            String targetStance, @Schema(nullable = true) Integer sourceRatings, @Schema(nullable = true) Integer targetRatings, boolean sameStance, List<MergeService.Keep> choices) {

        public boolean mustChoose() {
            return !sameStance;
        }

        public String sourceTone() {
            return sourceStance.toLowerCase(java.util.Locale.ROOT);
        }

        public String targetTone() {
            return targetStance.toLowerCase(java.util.Locale.ROOT);
        }
    }

    static MergePreview of(Claim from, Claim into, BlindRating blind) {
        List<SharedPassages.Moving> moving = SharedPassages.moving(from.id, into.id);
        boolean ratingsShown = blind.maySeeAll(moving.stream().map(SharedPassages.Moving::item).toList());
        List<Shared> shared = SharedPassages.between(from.id, into.id).stream().map(p -> new Shared(p.sourceItem(), p.targetItem(),
                p.documentTitle(), p.exact(), p.sourceStance().name(), p.targetStance().name(),
                blind.maySee(p.sourceItem()) ? p.sourceVotes() : null, blind.maySee(p.targetItem()) ? p.targetVotes() : null,
                p.sameStance(), p.wholeSource() ? List.of(MergeService.Keep.TARGET) : List.of(MergeService.Keep.values()))).toList();
        List<String> tagsAdded = from.tags.stream().filter(t -> !into.tags.contains(t)).map(t -> t.name).toList();
        return new MergePreview(Candidate.of(from), Candidate.of(into), moving.size(),
                ratingsShown ? moving.stream().mapToInt(SharedPassages.Moving::votes).sum() : null, tagsAdded, shared);
    }
}
