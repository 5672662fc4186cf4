package app.crux.document.importing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a file is, judged by its bytes rather than its name: a PNG called notes.txt is
 * still a PNG. Magic numbers name the common formats editors might upload by mistake;
 * NUL bytes or many control characters mark anything else binary.
 */
final class FileSignature {

    private static final String[][] MAGIC = {
        {"%PDF", "a PDF file"},
        {"\u0089PNG", "a PNG image"},
        {"\u00FF\u00D8\u00FF", "a JPEG image"},
        {"GIF8", "a GIF image"},
        {"PK\u0003\u0004", "a ZIP archive (a .docx, .xlsx or .odt file is one)"},
        {"\u001F\u008B", "a gzip archive"},
        {"\u00D0\u00CF\u0011\u00E0", "an old Microsoft Office file (.doc or .xls)"},
        {"{\\rtf", "an RTF document"},
        {"\u007FELF", "a program"},
        {"RIFF", "an audio, video or image file"},
    };
    private static final int SAMPLE = 8192;
    private static final Pattern HTML_START = Pattern.compile("(?is)^\\s*(<!--.*?-->\\s*)*(<!doctype\\s+html|<html[\\s>])");
    private static final Pattern HTML_TAGS = Pattern.compile("(?i)<(head|body|p)(\\s[^>]*)?>");

    private FileSignature() {
    }

    /** A human name such as "a PDF file" for binary content, empty for text. */
    static Optional<String> binaryKind(byte[] bytes) {
        for (String[] magic : MAGIC) {
            if (startsWith(bytes, magic[0].getBytes(StandardCharsets.ISO_8859_1))) {
                return Optional.of(magic[1]);
            }
        }
        if (TextEncoding.utf16(bytes).isPresent()) {
            return Optional.empty(); // UTF-16 is full of NUL bytes and still text
        }
        int sample = Math.min(bytes.length, SAMPLE);
        int controls = 0;
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return Optional.of("a binary file");
            }
            if ((b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) || b == 0x7F) {
                controls++;
            }
        }
        // a few stray control bytes happen in real text files; many do not
        return controls > 0 && controls * 20 > sample ? Optional.of("a binary file") : Optional.empty();
    }

    /** HTML by content: a doctype or html tag first, or head/body/p tags within the first KB. */
    static boolean looksLikeHtml(String text) {
        String head = text.length() > 1024 ? text.substring(0, 1024) : text;
        head = head.startsWith("\uFEFF") ? head.substring(1) : head;
        return HTML_START.matcher(head).find() || HTML_TAGS.matcher(head).find();
    }

    /** Names that are never text, refused even when the content happens to pass the sniff. */
    static boolean unsupportedName(String fileName) {
        if (fileName == null) {
            return false;
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return Set.of("pdf", "doc", "docx", "odt", "xls", "xlsx", "ppt", "pptx", "rtf", "epub", "exe", "dll", "bin", "zip",
                "gz", "tgz", "7z", "rar", "png", "jpg", "jpeg", "gif", "webp", "heic", "mp3", "mp4", "mov", "wav").contains(ext);
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
