package app.crux.document;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The word diff between revisions: changed words marked, unchanged paragraphs kept whole, nothing lost. */
class RevisionDiffTest {

    @Test
    void changedWordsAreMarkedAndTheRestKept() {
        String older = "Title\n\nHold each stretch for thirty seconds.\n\nBreathe out slowly.";
        String newer = "Title\n\nHold each stretch for sixty seconds.\n\nBreathe out slowly.\n\nRest a day.";
        List<RevisionDiff.Run> runs = RevisionDiff.of(older, newer);
        assertTrue(runs.contains(new RevisionDiff.Run(RevisionDiff.Change.DELETED, "thirty")), runs.toString());
        assertTrue(runs.contains(new RevisionDiff.Run(RevisionDiff.Change.INSERTED, "sixty")), runs.toString());
        assertTrue(runs.contains(new RevisionDiff.Run(RevisionDiff.Change.INSERTED, "\n\nRest a day.")), runs.toString());
        // reading the kept and inserted runs gives the newer text, the kept and deleted ones the older (blank lines aside)
        assertEquals(newer, text(runs, RevisionDiff.Change.INSERTED));
        assertEquals(older, text(runs, RevisionDiff.Change.DELETED));
        assertFalse(RevisionDiff.changed(RevisionDiff.of(older, older)));
    }

    private static String text(List<RevisionDiff.Run> runs, RevisionDiff.Change side) {
        StringBuilder text = new StringBuilder();
        runs.stream().filter(r -> r.change() == RevisionDiff.Change.KEPT || r.change() == side).forEach(r -> text.append(r.text()));
        return text.toString().strip().replaceAll("\n{2,}", "\n\n");
    }
}
