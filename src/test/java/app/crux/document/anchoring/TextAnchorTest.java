package app.crux.document.anchoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextAnchorTest {

    private static final String TEXT = """
            Why warm-ups matter

            A few minutes of easy jogging raises muscle temperature before harder work.
            Warm muscles tolerate stretch better than cold ones, most coaches agree.

            Static stretching held for long periods may reduce sprint power for a short while.
              • Hold the stretch for 10â30 seconds.
              • Breathe slowly and do not bounce.

            Some trainers say tight hamstrings tilt the pelvis backwards; others disagree.""";
    private static final String PASSAGE = "Static stretching held for long periods may reduce sprint power for a short while.";

    @Test
    void selectingKeepsThirtyTwoCharactersOfContextOnEachSide() {
        int start = TEXT.indexOf(PASSAGE);
        TextAnchor.Selector s = TextAnchor.select(TEXT, start, start + PASSAGE.length());
        assertEquals(PASSAGE, s.exact());
        assertEquals(TEXT.substring(start - 32, start), s.prefix());
        assertEquals(TEXT.substring(s.end(), s.end() + 32), s.suffix());
    }

    @Test
    void selectingAtTheEdgesOfTheTextClampsTheContext() {
        TextAnchor.Selector first = TextAnchor.select(TEXT, 0, 3);
        assertEquals("", first.prefix());
        TextAnchor.Selector last = TextAnchor.select(TEXT, TEXT.length() - 9, TEXT.length());
        assertEquals("", last.suffix());
        assertEquals("disagree.", last.exact());
    }

    @Test
    void selectingOutsideTheTextOrOnlySpacesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TextAnchor.select(TEXT, -1, 4));
        assertThrows(IllegalArgumentException.class, () -> TextAnchor.select(TEXT, 5, TEXT.length() + 1));
        assertThrows(IllegalArgumentException.class, () -> TextAnchor.select(TEXT, 7, 7));
        int blank = TEXT.indexOf("\n\n");
        assertThrows(IllegalArgumentException.class, () -> TextAnchor.select(TEXT, blank, blank + 2));
    }

    @Test
    void findingAQuoteExactly() {
        TextAnchor.Match match = TextAnchor.find(TEXT, PASSAGE, "", "");
        assertEquals(TextAnchor.Outcome.FOUND, match.outcome());
        assertEquals(TEXT.indexOf(PASSAGE), match.selector().start());
    }

    @Test
    void mojibakeAndOddIndentationAnchorExactly() {
        String bullet = "  • Hold the stretch for 10â30 seconds.";
        TextAnchor.Match match = TextAnchor.find(TEXT, bullet.strip(), "", "");
        assertEquals(TextAnchor.Outcome.FOUND, match.outcome());
        assertEquals(bullet.strip(), match.selector().exact());
        assertEquals(TEXT.indexOf("• Hold"), match.selector().start());
        assertEquals("10â30 seconds", TextAnchor.find(TEXT, "10â30 seconds", "", "").selector().exact());
    }

    @Test
    void aLooselyTypedQuoteIsFoundAndAnsweredWithTheTextsOwnWords() {
        TextAnchor.Match match = TextAnchor.find(TEXT, "warm MUSCLES tolerate   stretch", "", "");
        assertEquals(TextAnchor.Outcome.FOUND, match.outcome());
        assertEquals("Warm muscles tolerate stretch", match.selector().exact());
        TextAnchor.Match acrossLines = TextAnchor.find(TEXT, "harder work. warm muscles", "", "");
        assertEquals("harder work.\nWarm muscles", acrossLines.selector().exact());
    }

    @Test
    void aRepeatedQuoteNeedsItsContext() {
        String text = "The stretch helps. Later, the stretch hurts. Finally the stretch is skipped.";
        assertEquals(TextAnchor.Outcome.AMBIGUOUS, TextAnchor.find(text, "the stretch", "", "").outcome());
        TextAnchor.Match match = TextAnchor.find(text, "the stretch", "Later, ", " hurts");
        assertEquals(TextAnchor.Outcome.FOUND, match.outcome());
        assertEquals(text.indexOf("the stretch hurts"), match.selector().start());
    }

    @Test
    void aQuoteThatIsNotThereIsNotFound() {
        assertEquals(TextAnchor.Outcome.NOT_FOUND, TextAnchor.find(TEXT, "yoga cures everything", "", "").outcome());
        assertEquals(TextAnchor.Outcome.NOT_FOUND, TextAnchor.find(TEXT, "   ", "", "").outcome());
    }

    static Stream<Arguments> revisions() {
        return Stream.of(
                Arguments.of("unchanged", TEXT, TextAnchor.Status.KEPT, PASSAGE),
                Arguments.of("text inserted before", "A new opening paragraph about sleep.\n\n" + TEXT, TextAnchor.Status.KEPT, PASSAGE),
                Arguments.of("text appended after", TEXT + "\n\nA closing note on hydration.", TextAnchor.Status.KEPT, PASSAGE),
                Arguments.of("passage edited slightly", TEXT.replace("sprint power", "jump power"), TextAnchor.Status.CHANGED,
                        PASSAGE.replace("sprint power", "jump power")),
                Arguments.of("passage moved", TEXT.replace(PASSAGE + "\n", "") + "\n\n" + PASSAGE, TextAnchor.Status.KEPT, PASSAGE),
                Arguments.of("line above reworded", TEXT.replace("most coaches agree", "many coaches would say"),
                        TextAnchor.Status.KEPT, PASSAGE),
                Arguments.of("passage deleted", TEXT.replace(PASSAGE, ""), TextAnchor.Status.ORPHANED, null),
                Arguments.of("text replaced", "Nothing here is about stretching at all; it is a recipe for soup.",
                        TextAnchor.Status.ORPHANED, null));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("revisions")
    void reanchoringOverRevisions(String name, String revised, TextAnchor.Status status, String exact) {
        int start = TEXT.indexOf(PASSAGE);
        TextAnchor.Selector old = TextAnchor.select(TEXT, start, start + PASSAGE.length());
        TextAnchor.Reanchored result = TextAnchor.reanchor(TEXT, revised, old);
        assertEquals(status, result.status(), name);
        if (exact == null) {
            assertNull(result.selector());
        } else {
            assertEquals(exact, result.selector().exact());
            assertEquals(exact, revised.substring(result.selector().start(), result.selector().end()));
        }
    }

    @Test
    void aRepeatedQuoteInTheRevisionGoesWhereItsContextIs() {
        String text = "Intro line.\n\nThe stretch helps runners.\n\nMiddle part.\n\nThe stretch helps runners.\n\nEnd.";
        int second = text.lastIndexOf("The stretch helps runners.");
        TextAnchor.Selector old = TextAnchor.select(text, second, second + 26);
        String revised = "New first line.\n\n" + text.replace("Intro line.", "Intro line, longer now.");
        TextAnchor.Reanchored result = TextAnchor.reanchor(text, revised, old);
        assertEquals(TextAnchor.Status.KEPT, result.status());
        assertEquals(revised.lastIndexOf("The stretch helps runners."), result.selector().start());
    }

    @Test
    void aShortQuoteIsNotMatchedApproximatelyByChance() {
        String text = "Sit. Stand. Walk.";
        TextAnchor.Selector old = TextAnchor.select(text, 5, 11);
        TextAnchor.Reanchored result = TextAnchor.reanchor(text, "Sit. Stay. Walk.", old);
        assertEquals(TextAnchor.Status.ORPHANED, result.status());
    }

    @Test
    void aPassageNearTheEndOfALongTextSurvivesEditsInSeveralPlaces() {
        StringBuilder long1 = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            long1.append("Paragraph ").append(i).append(" notes that session ").append(i * 7 % 13)
                    .append(" used a different warm-up routine.\n\n");
        }
        String passage = "The last session ended with ten minutes of walking to cool down.";
        String original = long1 + passage;
        String revised = original.replace("Paragraph 3 ", "Paragraph three ").replace("Paragraph 200 ", "Paragraph two hundred ")
                .replace("Paragraph 399 ", "Paragraph 399, newly inserted text, ");
        int start = original.indexOf(passage);
        TextAnchor.Reanchored result = TextAnchor.reanchor(original, revised, TextAnchor.select(original, start, start + passage.length()));
        assertEquals(TextAnchor.Status.KEPT, result.status());
        assertEquals(revised.indexOf(passage), result.selector().start());
        assertTrue(original.length() > 25_000);
    }
}
