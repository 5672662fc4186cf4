package app.crux.document.anchoring;

import app.crux.Sha256;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one normalisation done at import; every excerpt offset refers to its output.
 *
 * <p>It only touches what readers cannot see: the BOM, line endings, trailing spaces,
 * invisible and control characters, odd space characters and Unicode composition (NFC).
 * Leading indentation, bullets, runs of inner spaces and even mojibake such as "10â30"
 * stay exactly as they are, because editors quote what they see on screen.
 *
 * <p>Decisions: tabs and the odd spaces (NBSP U+00A0, figure space U+2007, narrow NBSP
 * U+202F, U+2000–U+200A, U+205F, U+3000, U+1680) become one plain space each, so a quote
 * typed with an ordinary space matches. Zero-width space, word joiner, soft hyphen and
 * stray BOMs are removed (invisible). ZWJ/ZWNJ stay: they change how emoji and some
 * scripts look. C0/C1 control characters go, except newline; U+2028/U+2029 and NEL
 * become newlines. The result is idempotent: normalize(normalize(x)) == normalize(x).
 */
public final class TextNormalizer {

    /** A blank-line separated block of normalised text; text == normalized.substring(start, end). */
    public record Paragraph(int start, int end, String text) {
    }

    private static final Pattern TRAILING_SPACES = Pattern.compile("(?m) +$");
    private static final Pattern BLANK_RUNS = Pattern.compile("\n{3,}");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n{2,}");

    private TextNormalizer() {
    }

    public static String normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        // characters first, NFC after: removing a control between a letter and its accent
        // must still let them compose, or a second pass would change the text
        text = Normalizer.normalize(characters(text), Normalizer.Form.NFC);
        text = TRAILING_SPACES.matcher(text).replaceAll("");
        text = BLANK_RUNS.matcher(text).replaceAll("\n\n");
        int from = 0;
        while (from < text.length() && text.charAt(from) == '\n') {
            from++;
        }
        int to = text.length();
        while (to > from && text.charAt(to - 1) == '\n') {
            to--;
        }
        return text.substring(from, to);
    }

    private static String characters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                out.append('\n');
            } else if (c == '\t' || isOddSpace(c)) {
                out.append(' ');
            } else if (Character.isISOControl(c) || isInvisible(c)) {
                continue;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (!Character.isSurrogate(c)) {
                out.append(c); // a lone surrogate cannot be stored as UTF-8, so it is dropped
            }
        }
        return out.toString();
    }

    private static boolean isOddSpace(char c) {
        return c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F'
                || c == '\u3000' || c == '\u000B' || c == '\u000C';
    }

    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    /** Paragraphs of already normalised text, with offsets into it (for rendering with global offsets). */
    public static List<Paragraph> paragraphs(String normalized) {
        List<Paragraph> result = new ArrayList<>();
        if (normalized == null || normalized.isEmpty()) {
            return result;
        }
        Matcher breaks = PARAGRAPH_BREAK.matcher(normalized);
        int start = 0;
        while (breaks.find()) {
            add(result, normalized, start, breaks.start());
            start = breaks.end();
        }
        add(result, normalized, start, normalized.length());
        return result;
    }

    private static void add(List<Paragraph> result, String text, int start, int end) {
        if (end > start) {
            result.add(new Paragraph(start, end, text.substring(start, end)));
        }
    }

    /** SHA-256 of normalised text as hex: the same text imported twice has the same hash. */
    public static String sha256(String normalized) {
        return Sha256.hex(normalized);
    }
}
