package app.crux.document.importing;

import app.crux.document.anchoring.TextNormalizer;
import java.util.Optional;

/**
 * Uploaded files and pasted text to normalised text plus a title suggestion. The type
 * is judged by content, never by the file name: the name only refuses things that are
 * clearly not text (.pdf, .docx, .exe ...). HTML is recognised by its tags and goes
 * through {@link HtmlText}; anything else is plain text (markdown is kept as written).
 */
public final class UploadedText {

    public enum Format { TEXT, HTML }

    public record Decoded(String title, String text, Format format) {
    }

    private static final int TITLE_MAX = 300;
    private static final String UPLOAD_INSTEAD = "upload .txt, .md or .html, or paste the text.";

    private UploadedText() {
    }

    public static Decoded decode(byte[] bytes, String fileName, long maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw new ImportRefused(ImportRefused.Reason.EMPTY, "The file is empty.");
        }
        if (bytes.length > maxBytes) {
            throw new ImportRefused(ImportRefused.Reason.TOO_LARGE, "The file is " + size(bytes.length)
                    + "; files up to " + size(maxBytes) + " are accepted.");
        }
        Optional<String> binary = FileSignature.binaryKind(bytes);
        if (binary.isPresent()) {
            throw new ImportRefused(ImportRefused.Reason.BINARY, "This looks like " + binary.get() + ", not text; "
                    + UPLOAD_INSTEAD);
        }
        if (FileSignature.unsupportedName(fileName)) {
            throw new ImportRefused(ImportRefused.Reason.UNSUPPORTED_TYPE, "Crux cannot read " + fileName + "; "
                    + UPLOAD_INSTEAD);
        }
        return fromText(TextEncoding.decodeFile(bytes), null);
    }

    /** Pasted text: the browser already decoded it, but it can still be empty or garbage. */
    public static Decoded fromPastedText(String pasted) {
        if (pasted == null || pasted.isBlank()) {
            throw new ImportRefused(ImportRefused.Reason.EMPTY, "The text is empty.");
        }
        long odd = pasted.chars().filter(c -> c == 0 || c == 0xFFFD
                || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')).count();
        if (pasted.indexOf('\0') >= 0 || odd * 20 > pasted.length()) {
            throw new ImportRefused(ImportRefused.Reason.NOT_TEXT, "The pasted text is full of control or replacement "
                    + "characters; it looks like binary data. Copy the text from the page or document itself.");
        }
        return fromText(pasted, null);
    }

    /**
     * Decoded text to a document. {@code format} forces HTML or TEXT (a web server said
     * so); null means judge by content.
     */
    static Decoded fromText(String text, Format format) {
        boolean html = format == null ? FileSignature.looksLikeHtml(text) : format == Format.HTML;
        if (html) {
            HtmlText.Extracted extracted = HtmlText.fromHtml(text, "");
            if (extracted.text().isEmpty()) {
                throw new ImportRefused(ImportRefused.Reason.EMPTY, "The page has no readable text.");
            }
            String title = extracted.title() != null ? extracted.title() : titleFrom(extracted.text());
            return new Decoded(title, extracted.text(), Format.HTML);
        }
        String normalized = TextNormalizer.normalize(text);
        if (normalized.isBlank()) {
            throw new ImportRefused(ImportRefused.Reason.EMPTY, "The text contains only spaces and blank lines.");
        }
        return new Decoded(titleFrom(normalized), normalized, Format.TEXT);
    }

    /** The first non-blank line, without markdown heading marks or bullets, cut at a word boundary. */
    static String titleFrom(String text) {
        for (String line : text.split("\n")) {
            String title = line.strip().replaceFirst("^[#>*•+\\-–—\\s]+", "").replaceFirst("\\s+#+$", "").strip();
            if (title.isEmpty()) {
                continue;
            }
            if (title.length() <= TITLE_MAX) {
                return title;
            }
            int cut = title.lastIndexOf(' ', TITLE_MAX);
            return title.substring(0, cut > 0 ? cut : TITLE_MAX).strip();
        }
        return null;
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
