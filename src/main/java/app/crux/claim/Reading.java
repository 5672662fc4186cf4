package app.crux.claim;

import app.crux.disagreement.Verdict;
import app.crux.evidence.Evidence;
import app.crux.review.Strength;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A claim's evidence as a reader chose to see it: only items whose weight reaches a
 * minimum strength, with the sides, contestedness and verdict recomputed from them —
 * so a reader sees whether a claim is contested only because of weak sources.
 */
public record Reading(Strength minimum, List<Evidence> supports, List<Evidence> conflicts, BigDecimal support,
        BigDecimal conflict, BigDecimal contestedness, Verdict verdict, int dropped, List<OutcomeRow> outcomes) {

    /** What each side measured, when they measured different things. */
    public record OutcomeRow(String outcome, int supports, int conflicts) {
        public boolean oneSided() {
            return supports == 0 || conflicts == 0;
        }
    }

    public static Reading of(ClaimView view, Strength minimum) {
        BigDecimal floor = minimum == null ? BigDecimal.ZERO : BigDecimal.valueOf(minimum.score);
        List<Evidence> supports = view.supports().stream().filter(e -> e.weight.compareTo(floor) >= 0).toList();
        List<Evidence> conflicts = view.conflicts().stream().filter(e -> e.weight.compareTo(floor) >= 0).toList();
        BigDecimal s = supports.stream().map(e -> e.weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal c = conflicts.stream().map(e -> e.weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        int votes = supports.stream().mapToInt(e -> e.voteCount).sum() + conflicts.stream().mapToInt(e -> e.voteCount).sum();
        int dropped = view.supports().size() + view.conflicts().size() - supports.size() - conflicts.size();
        return new Reading(minimum, supports, conflicts, s, c, Verdict.contestedness(s, c), Verdict.of(s, c, votes), dropped,
                outcomes(supports, conflicts));
    }

    public int meterPercent() {
        return contestedness.multiply(BigDecimal.valueOf(100)).intValue();
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
