package app.crux.score;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the weighed evidence says about a claim. The rules, in one place (and in
 * words on /about/scoring):
 * <ul>
 * <li>UNREVIEWED: no reviewer has rated any of its evidence, or every rated item was disputed away;</li>
 * <li>CONTESTED: contestedness is at least {@link #CONTESTED_AT} — the weaker side carries at least a quarter of the total weight (a third of the stronger side);</li>
 * <li>SUPPORTED / REFUTED: otherwise, whichever side weighs more.</li>
 * </ul>
 */
public enum Verdict {
    UNREVIEWED("Unreviewed"), SUPPORTED("Supported"), CONTESTED("Contested"), REFUTED("Refuted");

    public static final BigDecimal CONTESTED_AT = new BigDecimal("0.5");

    public final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String cssClass() {
        return "verdict-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** 2·min(S,C)/(S+C): 0 when one-sided, 1 when evenly split. */
    public static BigDecimal contestedness(BigDecimal support, BigDecimal conflict) {
        BigDecimal total = support.add(conflict);
        if (total.signum() == 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        return support.min(conflict).multiply(BigDecimal.valueOf(2)).divide(total, 4, RoundingMode.HALF_UP);
    }

    public static Verdict of(BigDecimal support, BigDecimal conflict, int votes) {
        if (votes == 0 || support.add(conflict).signum() == 0) {
            return UNREVIEWED;
        }
        if (contestedness(support, conflict).compareTo(CONTESTED_AT) >= 0) {
            return CONTESTED;
        }
        return support.compareTo(conflict) > 0 ? SUPPORTED : REFUTED;
    }
}
