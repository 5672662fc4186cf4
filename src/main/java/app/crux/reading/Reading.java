package app.crux.reading;

import app.crux.score.Verdict;
import app.crux.evidence.Evidence;
import app.crux.review.BlindRating;
import app.crux.score.Strength;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
public record Reading(Strength minimum, List<Evidence> supports, List<Evidence> conflicts, BigDecimal support,
        BigDecimal conflict, BigDecimal contestedness, Verdict verdict, int dropped, List<OutcomeRow> outcomes, int unrated) {

    /** What each side measured, when they measured different things. */
    public record OutcomeRow(String outcome, int supports, int conflicts) {
        public boolean oneSided() {
            return supports == 0 || conflicts == 0;
        }
    }

    public static Reading of(ClaimView view, Strength minimum, BlindRating blind) {
        BigDecimal floor = minimum == null ? BigDecimal.ZERO : BigDecimal.valueOf(minimum.score);
        Predicate<Evidence> kept = e -> blind.hides(e.id) || e.weight.compareTo(floor) >= 0;
        int unrated = blind.unrated(Stream.concat(view.supports().stream(), view.conflicts().stream()).map(e -> e.id).toList());
        Comparator<Evidence> order = unrated > 0 ? Comparator.comparing(e -> e.id) : (a, b) -> 0;
        List<Evidence> supports = view.supports().stream().filter(kept).sorted(order).toList();
        List<Evidence> conflicts = view.conflicts().stream().filter(kept).sorted(order).toList();
        int dropped = view.supports().size() + view.conflicts().size() - supports.size() - conflicts.size();
        if (unrated > 0) {
            return new Reading(minimum, supports, conflicts, null, null, null, null, dropped, outcomes(supports, conflicts), unrated);
        }
        BigDecimal s = supports.stream().map(e -> e.weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal c = conflicts.stream().map(e -> e.weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        int votes = supports.stream().mapToInt(e -> e.voteCount).sum() + conflicts.stream().mapToInt(e -> e.voteCount).sum();
        return new Reading(minimum, supports, conflicts, s, c, Verdict.contestedness(s, c), Verdict.of(s, c, votes), dropped,
                outcomes(supports, conflicts), 0);
    }

    /** The claim's verdict, side weights, contestedness and agreement are hidden from this reviewer. */
    public boolean blind() {
        return unrated > 0;
    }

    public int total() {
        return supports.size() + conflicts.size() + dropped;
    }

    public int meterPercent() {
        return contestedness == null ? 0 : contestedness.multiply(BigDecimal.valueOf(100)).intValue();
    }

    /** Shown when at least two outcomes were measured and one of them only by one side. */
    public boolean sidesMeasuredDifferentThings() {
        return outcomes.size() >= 2 && outcomes.stream().anyMatch(OutcomeRow::oneSided);
    }

    /** The conflicting evidence grouped by the outcome it measured, in first-seen order. */
    public Map<String, List<Evidence>> conflictsByOutcome() {
        Map<String, List<Evidence>> groups = new LinkedHashMap<>();
        for (Evidence e : conflicts) {
            groups.computeIfAbsent(e.outcome == null ? "Outcome not stated" : e.outcome, k -> new ArrayList<>()).add(e);
        }
        return groups;
    }

    private static List<OutcomeRow> outcomes(List<Evidence> supports, List<Evidence> conflicts) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        supports.stream().filter(e -> e.outcome != null).forEach(e -> counts.computeIfAbsent(key(e), k -> new int[2])[0]++);
        conflicts.stream().filter(e -> e.outcome != null).forEach(e -> counts.computeIfAbsent(key(e), k -> new int[2])[1]++);
        return counts.entrySet().stream().map(en -> new OutcomeRow(en.getKey(), en.getValue()[0], en.getValue()[1])).toList();
    }

    private static String key(Evidence e) {
        return e.outcome.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
