package app.crux.document.anchoring;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class TextNormalizerTest {

    @Test
    void lineEndingsBecomeLineFeeds() {
        assertEquals("Warm up first.\nThen stretch.\nThen rest.",
                TextNormalizer.normalize("Warm up first.\r\nThen stretch.\rThen rest."));
    }

    @Test
    void decomposedAccentsAreComposed() {
        String out = TextNormalizer.normalize("Cafe\u0301 stretches for the ide\u0301al posture");
        assertEquals("Café stretches for the idéal posture", out);
        assertEquals(6, out.indexOf(' ') + 2); // "é" is one char, so offsets count what readers see
    }

    @Test
    void leadingBomIsDropped() {
        assertEquals("Hamstring basics", TextNormalizer.normalize("\uFEFFHamstring basics"));
    }

    @Test
    void trailingSpacesAndTabsGoButLeadingIndentationStays() {
        String raw = "Morning routine:   \n  • Hold it for a slow count\t \n    - then switch legs \n";
        assertEquals("Morning routine:\n  • Hold it for a slow count\n    - then switch legs", TextNormalizer.normalize(raw));
    }

    @Test
    void manyBlankLinesBecomeOneParagraphBreak() {
        String raw = "Stand tall.\n\n\n\n\nRoll the shoulders back.\n \n\t\nBreathe out.";
        assertEquals("Stand tall.\n\nRoll the shoulders back.\n\nBreathe out.", TextNormalizer.normalize(raw));
    }

    @Test
    void blankLinesAroundTheWholeTextAreTrimmedButFirstLineIndentStays() {
        assertEquals("  Indented opening line\nnext", TextNormalizer.normalize("\n\n  \n  Indented opening line\nnext\n\n \n"));
    }

    @Test
    void oddSpacesBecomePlainSpacesAndInvisiblesGo() {
        String raw = "Hold\u00A0for 20\u202Fs, rest\u2007a\u2009bit\u200B then re\u00ADpeat\u0007.";
        assertEquals("Hold for 20 s, rest a bit then repeat.", TextNormalizer.normalize(raw));
    }

    @Test
    void tabsInsideLinesBecomeOneSpace() {
        assertEquals("Reps:\t3".replace('\t', ' '), TextNormalizer.normalize("Reps:\t3"));
    }

    @Test
    void mojibakeIsNeverRepaired() {
        String raw = "Hold each stretch 10â30 seconds and donâ€™t bounce.";
        assertEquals(raw, TextNormalizer.normalize(raw));
    }

    @Test
    void normalisingTwiceChangesNothing() {
        String raw = "\uFEFF  Title\r\n\r\n\r\nA\u0007\u0301 b\u00A0c  \n\n\n\n\t• knees\u2028next\n";
        String once = TextNormalizer.normalize(raw);
        assertEquals(once, TextNormalizer.normalize(once));
    }

    @Test
    void nullAndBlankBecomeEmpty() {
        assertEquals("", TextNormalizer.normalize(null));
        assertEquals("", TextNormalizer.normalize(" \r\n\t\n "));
    }

    @Test
    void paragraphOffsetsSliceTheNormalisedText() {
        String text = TextNormalizer.normalize("Warm-ups matter.\nThey raise heart rate.\n\n\n\n  • Swing the legs\n\nCool down slowly.");
        List<TextNormalizer.Paragraph> paragraphs = TextNormalizer.paragraphs(text);
        assertEquals(3, paragraphs.size());
        assertEquals("Warm-ups matter.\nThey raise heart rate.", paragraphs.get(0).text());
        assertEquals("  • Swing the legs", paragraphs.get(1).text());
        assertEquals("Cool down slowly.", paragraphs.get(2).text());
        for (TextNormalizer.Paragraph p : paragraphs) {
            assertEquals(p.text(), text.substring(p.start(), p.end()));
        }
        assertEquals(0, paragraphs.get(0).start());
        assertEquals(text.length(), paragraphs.get(2).end());
    }

    @Test
    void paragraphsOfEmptyTextAreNone() {
        assertEquals(List.of(), TextNormalizer.paragraphs(""));
    }

    @Test
    void hashIsStableHexAndDependsOnText() {
        String hash = TextNormalizer.sha256("Stretch gently.");
        assertEquals(64, hash.length());
        assertEquals(hash, TextNormalizer.sha256("Stretch gently."));
        assertNotEquals(hash, TextNormalizer.sha256("Stretch gently!"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", TextNormalizer.sha256(""));
    }
}
