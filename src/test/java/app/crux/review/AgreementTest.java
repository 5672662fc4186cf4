package app.crux.review;

import app.crux.score.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgreementTest {

    /**
     * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with
     * four observers, twelve units and missing values: ordinal alpha = 0.815.
     */
    private static final List<List<Integer>> KRIPPENDORFF_2011 = List.of(
            List.of(1, 1, 1), List.of(2, 2, 3, 2), List.of(3, 3, 3, 3), List.of(3, 3, 3, 3), List.of(2, 2, 2, 2),
            List.of(1, 2, 3, 4), List.of(4, 4, 4, 4), List.of(1, 1, 2, 1), List.of(2, 2, 2, 2), List.of(5, 5, 5),
            List.of(1, 1), List.of(3));

    @Test
    void ordinalAlphaMatchesTheTextbookExample() {
        assertEquals(0.815, Agreement.ordinalAlpha(KRIPPENDORFF_2011).getAsDouble(), 0.001);
    }

    @Test
    void perfectAgreementIsOne() {
        assertEquals(1.0, Agreement.ordinalAlpha(List.of(List.of(4, 4), List.of(1, 1, 1), List.of(2, 2))).getAsDouble(), 1e-9);
    }

    @Test
    void systematicDisagreementIsBelowZero() {
        assertTrue(Agreement.ordinalAlpha(List.of(List.of(1, 4), List.of(4, 1), List.of(1, 4))).getAsDouble() < 0);
    }

    @Test
    void tooFewRatingsOrNoVariationIsUndefined() {
        assertTrue(Agreement.ordinalAlpha(List.of(List.of(3))).isEmpty());
        assertTrue(Agreement.ordinalAlpha(List.of()).isEmpty());
        assertTrue(Agreement.ordinalAlpha(List.of(List.of(2, 2), List.of(2, 2))).isEmpty());
    }

    @ParameterizedTest(name = "S={0} C={1} votes={2} → {3}")
    @CsvSource({
            "0, 0, 0, UNREVIEWED",
            "3, 1, 0, UNREVIEWED",
            "0, 0, 2, UNREVIEWED",
            "2, 1, 1, CONTESTED",     // contestedness 2/3
            "3, 1, 1, CONTESTED",     // exactly 0.5: the weaker side is a quarter of the total; the edge counts as contested
            "3.01, 1, 1, SUPPORTED",  // just under 0.5
            "1, 3, 1, CONTESTED",
            "1, 3.01, 1, REFUTED",
            "4, 0, 2, SUPPORTED",
            "0, 4, 2, REFUTED"})
    void verdictThresholdsAtTheirEdges(String support, String conflict, int votes, Verdict expected) {
        assertEquals(expected, Verdict.of(new BigDecimal(support), new BigDecimal(conflict), votes));
    }

    @Test
    void contestednessIsTwiceTheSmallerSideOverTheTotal() {
        assertEquals(new BigDecimal("0.5000"), Verdict.contestedness(new BigDecimal("3"), BigDecimal.ONE));
        assertEquals(new BigDecimal("1.0000"), Verdict.contestedness(new BigDecimal("2.5"), new BigDecimal("2.5")));
        assertEquals(new BigDecimal("0.0000"), Verdict.contestedness(new BigDecimal("2"), BigDecimal.ZERO));
    }
}
