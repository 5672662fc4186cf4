package app.crux.document.importing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadedTextTest {

    private static final long LIMIT = 10_000;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ImportRefused refused(byte[] bytes, String name) {
        return assertThrows(ImportRefused.class, () -> UploadedText.decode(bytes, name, LIMIT));
    }

    @Test
    void plainTextIsNormalisedAndTitledByItsFirstLine() {
        var decoded = UploadedText.decode(utf8("\uFEFF\r\nStretching after runs\r\n\r\nShort holds are fine.  \r\n"),
                "notes.txt", LIMIT);
        assertEquals(UploadedText.Format.TEXT, decoded.format());
        assertEquals("Stretching after runs", decoded.title());
        assertEquals("Stretching after runs\n\nShort holds are fine.", decoded.text());
    }

    @Test
    void markdownIsKeptAsTextAndHeadingMarksLeaveTheTitle() {
        var decoded = UploadedText.decode(utf8("## Posture check ##\n\n- Ears over shoulders\n- *Chin* tucked"), "p.md", LIMIT);
        assertEquals(UploadedText.Format.TEXT, decoded.format());
        assertEquals("Posture check", decoded.title());
        assertEquals("## Posture check ##\n\n- Ears over shoulders\n- *Chin* tucked", decoded.text());
    }

    @Test
    void htmlIsRecognisedByContentWhateverTheName() {
        var decoded = UploadedText.decode(utf8("  <!DOCTYPE html><html><head><title>Calf care</title></head>"
                + "<body><p>Rise onto the toes.</p><script>x()</script></body></html>"), "calf.txt", LIMIT);
        assertEquals(UploadedText.Format.HTML, decoded.format());
        assertEquals("Calf care", decoded.title());
        assertEquals("Rise onto the toes.", decoded.text());
        assertEquals(UploadedText.Format.HTML,
                UploadedText.decode(utf8("Saved fragment\n<p>Bend the knee.</p>"), "x.txt", LIMIT).format());
    }

    @Test
    void aPngNamedTxtIsRefusedAsBinary() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        ImportRefused e = refused(png, "stretches.txt");
        assertEquals(ImportRefused.Reason.BINARY, e.reason);
        assertTrue(e.getMessage().contains("PNG"), e.getMessage());
    }

    @Test
    void aPdfIsRefusedWithItsNameInTheMessage() {
        ImportRefused e = refused(utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "study.txt");
        assertEquals(ImportRefused.Reason.BINARY, e.reason);
        assertTrue(e.getMessage().contains("PDF"), e.getMessage());
        assertTrue(e.getMessage().contains(".txt"), e.getMessage());
    }

    @Test
    void docxZipAndOtherBinaryDataAreRefused() {
        assertTrue(refused(new byte[] {'P', 'K', 3, 4, 20, 0}, "a.docx").getMessage().contains("ZIP"));
        assertEquals(ImportRefused.Reason.BINARY, refused(new byte[] {'a', 'b', 0, 'c'}, "a.txt").reason);
        assertEquals(ImportRefused.Reason.BINARY, refused(new byte[] {1, 2, 3, 4, 5, 'a', 'b', 'c'}, "a.txt").reason);
    }

    @Test
    void clearlyUnsupportedNamesAreRefusedEvenWithTextContent() {
        ImportRefused e = refused(utf8("plain words"), "report.pdf");
        assertEquals(ImportRefused.Reason.UNSUPPORTED_TYPE, e.reason);
        assertTrue(e.getMessage().contains("report.pdf"));
    }

    @Test
    void invalidUtf8IsRefusedWithTheByteOffset() {
        byte[] bytes = {'L', 'e', 'g', 's', '\n', (byte) 0xC3, 0x28, 'x'};
        ImportRefused e = refused(bytes, "legs.txt");
        assertEquals(ImportRefused.Reason.BAD_ENCODING, e.reason);
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("position 5"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void utf16WithBomIsDecoded() {
        byte[] body = "Shoulder rolls\nTen each way".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        assertEquals("Shoulder rolls\nTen each way", UploadedText.decode(bytes, "rolls.txt", LIMIT).text());
    }

    @Test
    void emptyWhitespaceOnlyAndOversizedFilesAreRefused() {
        assertEquals(ImportRefused.Reason.EMPTY, refused(new byte[0], "a.txt").reason);
        assertEquals(ImportRefused.Reason.EMPTY, refused(utf8(" \n\r\n\t "), "a.txt").reason);
        ImportRefused big = refused(utf8("a".repeat((int) LIMIT + 1)), "big.txt");
        assertEquals(ImportRefused.Reason.TOO_LARGE, big.reason);
        assertEquals(413, big.status());
        assertTrue(big.getMessage().contains("9 KB"), big.getMessage());
    }

    @Test
    void pastedTextIsNormalisedAndGarbageRefused() {
        var decoded = UploadedText.fromPastedText("  \r\n• Loosen the hips\r\n\r\n\r\n\r\nWalk for a minute.  ");
        assertEquals("• Loosen the hips\n\nWalk for a minute.", decoded.text());
        assertEquals("Loosen the hips", decoded.title());
        assertEquals(ImportRefused.Reason.EMPTY, assertThrows(ImportRefused.class, () -> UploadedText.fromPastedText(" \n ")).reason);
        assertEquals(ImportRefused.Reason.EMPTY, assertThrows(ImportRefused.class, () -> UploadedText.fromPastedText(null)).reason);
        assertEquals(ImportRefused.Reason.NOT_TEXT,
                assertThrows(ImportRefused.class, () -> UploadedText.fromPastedText("ab\u0001\u0002\u0003\u0004\u0005cd")).reason);
        assertEquals(ImportRefused.Reason.NOT_TEXT,
                assertThrows(ImportRefused.class, () -> UploadedText.fromPastedText("a long sentence\0 with a nul")).reason);
    }

    @Test
    void longTitlesAreCutAtAWordBoundary() {
        String line = "Stretch ".repeat(60).strip();
        String title = UploadedText.decode(utf8(line + "\n\nbody"), "t.txt", LIMIT).title();
        assertTrue(title.length() <= 300, "length " + title.length());
        assertTrue(title.endsWith("Stretch"), title);
    }
}
