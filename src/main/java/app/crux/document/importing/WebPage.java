package app.crux.document.importing;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A fetched response body to text: the declared type decides HTML or text, the bytes are still sniffed. */
final class WebPage {

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)");

    private WebPage() {
    }

    /** HTML, plain text and markdown; no Content-Type at all is allowed too, and judged by content. */
    static boolean importable(String contentType) {
        return mediaType(contentType).isEmpty() || format(mediaType(contentType)) != null;
    }

    static UrlFetcher.Fetched read(URI uri, String contentType, byte[] bytes) {
        String media = mediaType(contentType);
        UploadedText.Format format = format(media);
        if (!media.isEmpty() && format == null) {
            throw new ImportRefused(ImportRefused.Reason.UNSUPPORTED_TYPE, "The address serves " + media
                    + ", not a web page or text; Crux imports HTML pages and plain text.");
        }
        if (bytes.length == 0) {
            throw new ImportRefused(ImportRefused.Reason.EMPTY, "The page at " + uri.getHost() + " is empty.");
        }
        Optional<String> binary = FileSignature.binaryKind(bytes);
        if (binary.isPresent()) {
            throw new ImportRefused(ImportRefused.Reason.BINARY, "The address serves " + binary.get()
                    + ", although it says it is text; Crux only imports web pages and text.");
        }
        String text = decode(bytes, contentType, format);
        UploadedText.Decoded decoded = UploadedText.fromText(text, format);
        return new UrlFetcher.Fetched(decoded.title(), decoded.text(), decoded.format(), uri.toString());
    }

    /** A BOM wins, then the header's charset, then an HTML meta charset, then strict UTF-8. */
    private static String decode(byte[] bytes, String contentType, UploadedText.Format format) {
        Optional<Charset> utf16 = TextEncoding.utf16(bytes);
        if (utf16.isPresent()) {
            return TextEncoding.decode(bytes, 2, utf16.get(), "The page");
        }
        String name = find(CHARSET, contentType);
        if (name == null && format != UploadedText.Format.TEXT) {
            String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
            name = find(META_CHARSET, head);
        }
        Charset charset = StandardCharsets.UTF_8;
        if (name != null) {
            try {
                charset = Charset.forName(name);
            } catch (IllegalArgumentException e) {
                throw new ImportRefused(ImportRefused.Reason.BAD_ENCODING, "The page uses a character set Crux does not know ("
                        + name + ").");
            }
        }
        return TextEncoding.decode(bytes, 0, charset, "The page");
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static UploadedText.Format format(String media) {
        return switch (media) {
            case "text/html", "application/xhtml+xml" -> UploadedText.Format.HTML;
            case "text/plain", "text/markdown", "text/x-markdown" -> UploadedText.Format.TEXT;
            default -> null;
        };
    }
}
