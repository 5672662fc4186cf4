package app.crux.reading;

import app.crux.score.Verdict;
import app.crux.review.BlindRating;
import app.crux.score.Strength;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A claim's evidence as a reader chose to see it: only items whose weight reaches a
 * minimum strength, with the sides, contestedness and verdict recomputed from them —
 * so a reader sees whether a claim is contested only because of weak sources.
 * For a reviewer who has not rated every item ({@link #blind}), the claim's aggregates
 * are null, the items they have not rated are never dropped by the minimum (that would
 * reveal their weight), and the cards come in the order they were attached, not by weight.
 */
public record Reading(Strength minimum, List<EvidenceItem> supports, List<EvidenceItem> conflicts, BigDecimal support,
        BigDecimal conflict, BigDecimal contestedness, Verdict verdict, int dropped, ContextDifferences why, int unrated) {

    public static Reading of(ClaimView view, Strength minimum, BlindRating blind) {
        BigDecimal floor = minimum == null ? BigDecimal.ZERO : BigDecimal.valueOf(minimum.score);
        Predicate<EvidenceItem> kept = e -> blind.hides(e.id()) || e.weight().compareTo(floor) >= 0;
        int unrated = blind.unrated(Stream.concat(view.supports().stream(), view.conflicts().stream()).map(EvidenceItem::id).toList());
        Comparator<EvidenceItem> order = unrated > 0 ? Comparator.comparingLong(EvidenceItem::id) : (a, b) -> 0;
        List<EvidenceItem> supports = view.supports().stream().filter(kept).sorted(order).toList();
        List<EvidenceItem> conflicts = view.conflicts().stream().filter(kept).sorted(order).toList();
        int dropped = view.supports().size() + view.conflicts().size() - supports.size() - conflicts.size();
        if (unrated > 0) {
            return new Reading(minimum, supports, conflicts, null, null, null, null, dropped, ContextDifferences.of(supports, conflicts), unrated);
        }
        BigDecimal s = supports.stream().map(EvidenceItem::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal c = conflicts.stream().map(EvidenceItem::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        int votes = supports.stream().mapToInt(EvidenceItem::voteCount).sum() + conflicts.stream().mapToInt(EvidenceItem::voteCount).sum();
        return new Reading(minimum, supports, conflicts, s, c, Verdict.contestedness(s, c), Verdict.of(s, c, votes), dropped,
                ContextDifferences.of(supports, conflicts), 0);
    }

    /** The claim's verdict, side weights, contestedness and agreement are hidden from this reviewer. */
    public boolean blind() {
        return unrated > 0;
    }

    public int total() {
        return supports.size() + conflicts.size() + dropped;
    }

    /** A choice of the "only evidence rated at least" menu: every strength above the weakest, the reader's own marked. */
    public record MinimumChoice(Strength strength, boolean selected) {
    }

    /** Worked out here, not in a loop of the template, where each look-up of {@code reading} from inside the loop is a search. */
    public List<MinimumChoice> minimumChoices() {
        return Stream.of(Strength.values()).filter(s -> s.score > 1).map(s -> new MinimumChoice(s, s == minimum)).toList();
    }

    public int meterPercent() {
        return contestedness == null ? 0 : contestedness.multiply(BigDecimal.valueOf(100)).intValue();
    }
}
