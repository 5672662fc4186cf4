package app.crux.document;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Uploaded files and pasted text to normalised text. The type is judged by the
 * content, never by the file name: a PNG called notes.txt is still a PNG.
 */
public final class UploadedText {

    public enum Format { TEXT, HTML }

    public record Decoded(String title, String text, Format format) {
    }

    private static final Pattern HTML = Pattern.compile("(?is)^\\s*(<!doctype\\s+html|<html[\\s>]|<head[\\s>]|<body[\\s>])"
            + "|<(p|div|article|h1|h2|ul|br)[\\s>/]");
    private static final int TITLE_MAX = 300;

    private UploadedText() {
    }

    public static Decoded decode(byte[] bytes, String fileName, long maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw new ImportRefused(ImportRefused.Reason.EMPTY, "The file is empty.");
        }
        if (bytes.length > maxBytes) {
            throw new ImportRefused(ImportRefused.Reason.TOO_LARGE, "The file is " + bytes.length / 1024 + " KB; files up to "
                    + maxBytes / 1024 / 1024 + " MB are accepted.");
        }
        String kind = binaryKind(bytes);
        if (kind != null) {
            throw new ImportRefused(ImportRefused.Reason.BINARY, "This looks like " + kind + ", not text. Upload a .txt, .md or "
                    + ".html file (copy the text out of the " + kind + " first).");
        }
        String text = utf8(bytes);
        return fromString(text);
    }

    /** Pasted text: the same checks, minus the byte-level ones the browser already did. */
    public static Decoded fromPastedText(String pasted) {
        if (pasted == null || pasted.isBlank()) {
            throw new ImportRefused(ImportRefused.Reason.EMPTY, "The text is empty.");
        }
        long controls = pasted.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t').count();
        if (controls > 0 && controls * 20 > pasted.length()) {
            throw new ImportRefused(ImportRefused.Reason.BINARY, "The text is mostly control characters; it looks like binary data.");
        }
        return fromString(pasted);
    }

    private static Decoded fromString(String text) {
        String head = text.length() > 2048 ? text.substring(0, 2048) : text;
        if (HTML.matcher(head).find()) {
            var extracted = HtmlText.fromHtml(text, "");
            if (extracted.text().isBlank()) {
                throw new ImportRefused(ImportRefused.Reason.EMPTY, "The page has no readable text.");
            }
            return new Decoded(extracted.title() != null ? extracted.title() : titleFrom(extracted.text()), extracted.text(), Format.HTML);
        }
        String normalized = TextNormalizer.normalize(text);
        if (normalized.isBlank()) {
            throw new ImportRefused(ImportRefused.Reason.EMPTY, "The text is empty.");
        }
        return new Decoded(titleFrom(normalized), normalized, Format.TEXT);
    }

    /** The first non-blank line, without markdown heading marks or bullets, cut at a word boundary. */
    static String titleFrom(String text) {
        for (String line : text.split("\n")) {
            String title = line.strip().replaceFirst("^[#>*•\\-\\s]+", "").strip();
            if (!title.isEmpty()) {
                if (title.length() <= TITLE_MAX) {
                    return title;
                }
                int cut = title.lastIndexOf(' ', TITLE_MAX);
                return title.substring(0, cut > 100 ? cut : TITLE_MAX);
            }
        }
        return null;
    }

    private static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(buffer).toString();
        } catch (MalformedInputException e) {
            throw new ImportRefused(ImportRefused.Reason.BAD_ENCODING, "The file is not valid UTF-8 text (the first bad byte is "
                    + "at position " + buffer.position() + "). Save it as UTF-8 and upload it again.");
        } catch (CharacterCodingException e) {
            throw new ImportRefused(ImportRefused.Reason.BAD_ENCODING, "The file is not valid UTF-8 text.");
        }
    }

    /** A name for well-known binary formats, "a binary file" for other binary data, null for text. */
    static String binaryKind(byte[] b) {
        if (starts(b, "%PDF")) {
            return "a PDF file";
        }
        if (starts(b, "\u0089PNG")) {
            return "a PNG image";
        }
        if (b.length > 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
            return "a JPEG image";
        }
        if (starts(b, "GIF8")) {
            return "a GIF image";
        }
        if (starts(b, "PK\u0003\u0004")) {
            return "a ZIP archive (a .docx or .odt is one)";
        }
        if (b.length > 1 && (b[0] & 0xff) == 0x1F && (b[1] & 0xff) == 0x8B) {
            return "a gzip archive";
        }
        int sample = Math.min(b.length, 4096);
        int controls = 0;
        for (int i = 0; i < sample; i++) {
            int c = b[i] & 0xff;
            if (c == 0) {
                return "a binary file";
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                controls++;
            }
        }
        return controls * 10 > sample ? "a binary file" : null;
    }

    private static boolean starts(byte[] bytes, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length < m.length) {
            return false;
        }
        for (int i = 0; i < m.length; i++) {
            if (bytes[i] != m[i]) {
                return false;
            }
        }
        return true;
    }
}
