package app.crux.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * The one normalisation done at import; every excerpt offset refers to its output.
 * It only touches what readers cannot see (line endings, trailing spaces, invisible
 * characters, Unicode composition): leading indentation, bullets and even mojibake
 * such as "10â30" stay exactly as they are, because editors quote what they see.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u3000') {
                out.append(' ');
            } else if (c == '\n' || !(Character.isISOControl(c) || c == '\u200B' || c == '\uFEFF' || c == '\u2028' || c == '\u2029')) {
                out.append(c);
            } else if (c == '\u2028' || c == '\u2029') {
                out.append('\n');
            }
        }
        // trailing spaces go; runs of blank lines become one blank line (a paragraph break)
        String cleaned = out.toString().replaceAll("(?m)[ ]+$", "").replaceAll("\n{3,}", "\n\n");
        return cleaned.replaceAll("^\n+", "").replaceAll("\n+$", "");
    }

    /** SHA-256 of normalised text, hex: the same text imported twice has the same hash. */
    public static String sha256(String normalized) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
