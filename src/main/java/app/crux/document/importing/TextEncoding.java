package app.crux.document.importing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict decoding: a byte that is not valid in the charset refuses the import instead
 * of silently becoming U+FFFD, because a replaced character would make the stored text
 * differ from what the editor has in front of them. UTF-16 is accepted only with a BOM.
 */
final class TextEncoding {

    private TextEncoding() {
    }

    /** UTF-16 with a byte order mark, as some Windows editors save "Unicode" text. */
    static Optional<Charset> utf16(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    /** UTF-16 when it has a BOM, otherwise strict UTF-8 (a UTF-8 BOM is kept for the normaliser to drop). */
    static String decodeFile(byte[] bytes) {
        Optional<Charset> utf16 = utf16(bytes);
        if (utf16.isPresent()) {
            return decode(bytes, 2, utf16.get(), "The file");
        }
        return decode(bytes, 0, StandardCharsets.UTF_8, "The file");
    }

    /** @param source "The file" or "The page", the start of the refusal message */
    static String decode(byte[] bytes, int from, Charset charset, String source) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, (long) bytes.length + 16));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int position = in.position();
            throw new ImportRefused(ImportRefused.Reason.BAD_ENCODING, source + " is not valid " + name(charset)
                    + " text (first bad byte at position " + position + ", line " + line(bytes, position)
                    + "). Save it as UTF-8 and try again.");
        }
        return out.flip().toString();
    }

    private static String name(Charset charset) {
        return charset.equals(StandardCharsets.UTF_16BE) || charset.equals(StandardCharsets.UTF_16LE) ? "UTF-16" : charset.name();
    }

    private static int line(byte[] bytes, int position) {
        int line = 1;
        for (int i = 0; i < position && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
