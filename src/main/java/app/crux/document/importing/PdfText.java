package app.crux.document.importing;

import app.crux.document.anchoring.TextNormalizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text of a PDF, as paragraphs a reader would quote: PDFBox's text in reading order,
 * running headers, footers and page numbers dropped, lines of a paragraph joined (a word
 * hyphenated across a line break joined whole), then normalised like every import, so
 * offsets refer to this text. Encrypted and image-only PDFs are refused with the reason;
 * long ones are capped in pages and time, so one upload cannot hold a worker for minutes.
 */
public final class PdfText {

    public record Extracted(String title, String text, int pages) {
    }

    static final int MAX_PAGES = 500;
    static final Duration MAX_TIME = Duration.ofSeconds(30);
    private static final String PARAGRAPH = "\u2029";
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)^[\\s\\-–—]*(page|p\\.|seite)?\\s*\\d{1,4}(\\s*(of|/|von)\\s*\\d{1,4})?[\\s\\-–—]*$");

    private PdfText() {
    }

    /** By content, as every upload is judged: the PDF signature in the first bytes. */
    public static boolean isPdf(byte[] bytes) {
        return bytes != null && bytes.length >= 5
                && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-");
    }

    public static Extracted extract(byte[] bytes) {
        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            if (pdf.isEncrypted()) {
                throw refused("This PDF is encrypted; Crux reads only unencrypted PDFs. Save a copy without a password "
                        + "or paste the text.");
            }
            int pages = pdf.getNumberOfPages();
            if (pages > MAX_PAGES) {
                throw new ImportRefused(ImportRefused.Reason.TOO_LARGE, "This PDF has " + pages + " pages; up to "
                        + MAX_PAGES + " are read. Split it, or paste the part the claims come from.");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\n");
            stripper.setParagraphStart(PARAGRAPH);
            stripper.setPageEnd("\n");
            List<List<String>> pageLines = new ArrayList<>();
            for (int p = 1; p <= pages; p++) {
                if (System.nanoTime() > deadline) {
                    throw new ImportRefused(ImportRefused.Reason.TOO_LARGE, "Reading this PDF took longer than "
                            + MAX_TIME.toSeconds() + " s (stopped at page " + p + " of " + pages + "); paste the text instead.");
                }
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pageLines.add(lines(stripper.getText(pdf)));
            }
            String text = TextNormalizer.normalize(paragraphs(dropRunningLines(pageLines)));
            if (text.codePoints().filter(Character::isLetter).count() < 20) {
                throw new ImportRefused(ImportRefused.Reason.NOT_TEXT, "This PDF has no text layer (it looks like "
                        + "scanned images); Crux cannot read it. Run it through OCR, or paste the text.");
            }
            String title = pdf.getDocumentInformation() == null ? null : pdf.getDocumentInformation().getTitle();
            if (title == null || title.isBlank()) {
                title = UploadedText.titleFrom(text);
            }
            return new Extracted(title.strip(), text, pages);
        } catch (InvalidPasswordException e) {
            throw refused("This PDF is encrypted with a password; Crux reads only unencrypted PDFs. Save a copy without "
                    + "a password or paste the text.");
        } catch (IOException e) {
            throw new ImportRefused(ImportRefused.Reason.NOT_TEXT, "This PDF is damaged or not a PDF Crux can read; paste "
                    + "the text instead.");
        }
    }

    private static ImportRefused refused(String message) {
        return new ImportRefused(ImportRefused.Reason.UNSUPPORTED_TYPE, message);
    }

    private static List<String> lines(String page) {
        List<String> lines = new ArrayList<>();
        for (String line : page.split("\n", -1)) {
            lines.add(line.stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).replace(PARAGRAPH, "").isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /**
     * Drops page numbers anywhere they stand alone, and running headers and footers: a line
     * among the first or last two of a page that recurs (digits aside) on at least half the
     * pages, and on at least two.
     */
    static List<List<String>> dropRunningLines(List<List<String>> pages) {
        Map<String, Integer> edgeCounts = new HashMap<>();
        for (List<String> lines : pages) {
            for (String key : edges(lines).stream().map(PdfText::shape).distinct().toList()) {
                edgeCounts.merge(key, 1, Integer::sum);
            }
        }
        int needed = Math.max(2, (pages.size() + 1) / 2);
        List<List<String>> out = new ArrayList<>();
        for (List<String> lines : pages) {
            List<String> edges = edges(lines);
            List<String> kept = new ArrayList<>();
            for (String line : lines) {
                String bare = line.replace(PARAGRAPH, "");
                boolean running = edges.contains(line) && edgeCounts.getOrDefault(shape(line), 0) >= needed && !bare.isBlank();
                if (running || PAGE_NUMBER.matcher(bare).matches()) {
                    continue;
                }
                kept.add(line);
            }
            out.add(kept);
        }
        return out;
    }

    private static List<String> edges(List<String> lines) {
        List<String> nonBlank = lines.stream().filter(l -> !l.replace(PARAGRAPH, "").isBlank()).toList();
        List<String> edges = new ArrayList<>();
        for (int i = 0; i < nonBlank.size(); i++) {
            if (i < 2 || i >= nonBlank.size() - 2) {
                edges.add(nonBlank.get(i));
            }
        }
        return edges;
    }

    private static String shape(String line) {
        return line.replace(PARAGRAPH, "").strip().replaceAll("\\d+", "#").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Lines to paragraphs: a paragraph starts where PDFBox saw one (indent or spacing) or at a
     * blank line; lines within one are joined with a space, or with nothing where a word was
     * hyphenated across the break ("partici-" + "pants"). A paragraph may run across a page break.
     */
    static String paragraphs(List<List<String>> pages) {
        StringBuilder out = new StringBuilder();
        StringBuilder current = new StringBuilder();
        for (List<String> lines : pages) {
            for (String raw : lines) {
                boolean starts = raw.startsWith(PARAGRAPH);
                String line = raw.replace(PARAGRAPH, "").strip();
                if (line.isEmpty() || starts) {
                    flush(out, current);
                    if (line.isEmpty()) {
                        continue;
                    }
                }
                if (current.isEmpty()) {
                    current.append(line);
                } else if (hyphenated(current) && Character.isLowerCase(line.codePointAt(0))) {
                    current.setLength(current.length() - 1);
                    current.append(line);
                } else {
                    current.append(' ').append(line);
                }
            }
        }
        flush(out, current);
        return out.toString();
    }

    /** Ends in a letter and a hyphen (or soft hyphen): a word broken across lines. */
    private static boolean hyphenated(CharSequence text) {
        int n = text.length();
        return n >= 2 && (text.charAt(n - 1) == '-' || text.charAt(n - 1) == '\u00AD') && Character.isLetter(text.charAt(n - 2));
    }

    private static void flush(StringBuilder out, StringBuilder current) {
        if (!current.isEmpty()) {
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            out.append(current);
            current.setLength(0);
        }
    }
}
