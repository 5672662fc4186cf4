package app.crux.review;

import app.crux.score.Strength;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one rule that marks an item "needs discussion". */
class NeedsDiscussionTest {

    private static List<Votes.Row> ratings(Object... strengthsAndDisputes) {
        List<Votes.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < strengthsAndDisputes.length; i += 2) {
            rows.add(new Votes.Row(1, i, "r" + i, (Strength) strengthsAndDisputes[i], (Boolean) strengthsAndDisputes[i + 1], null));
        }
        return rows;
    }

    @Test
    void strengthsTwoLevelsApartMarkTheItemOneLevelDoesNot() {
        assertTrue(NeedsDiscussion.holds(ratings(Strength.HIGH, false, Strength.LOW, false)));
        assertTrue(NeedsDiscussion.holds(ratings(Strength.MODERATE, false, Strength.VERY_LOW, false)));
        assertTrue(NeedsDiscussion.holds(ratings(Strength.HIGH, false, Strength.HIGH, false, Strength.VERY_LOW, false)));
        assertFalse(NeedsDiscussion.holds(ratings(Strength.HIGH, false, Strength.MODERATE, false)));
        assertFalse(NeedsDiscussion.holds(ratings(Strength.LOW, false, Strength.VERY_LOW, false, Strength.LOW, false)));
    }

    @Test
    void aSplitOnTheStanceMarksTheItemAUnanimousDisputeDoesNot() {
        assertTrue(NeedsDiscussion.holds(ratings(Strength.HIGH, true, Strength.HIGH, false)));
        assertFalse(NeedsDiscussion.holds(ratings(Strength.HIGH, true, Strength.MODERATE, true)));
    }

    @Test
    void oneRatingNeverNeedsDiscussion() {
        assertFalse(NeedsDiscussion.holds(ratings(Strength.HIGH, true)));
        assertFalse(NeedsDiscussion.holds(List.of()));
    }

    @Test
    void theScoringPageWordsFollowTheThreshold() {
        assertEquals(2, new NeedsDiscussion().spread());
        assertEquals("high and low, moderate and very low", new NeedsDiscussion().example());
    }
}
