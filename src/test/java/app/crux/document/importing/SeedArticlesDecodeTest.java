package app.crux.document.importing;

import app.crux.document.anchoring.TextNormalizer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real, messy articles in ../shared/seeds (or -Dcrux.seeds=...) decode cleanly, and
 * their odd lines (mojibake, bullets, indentation) survive normalisation. The articles
 * are read at run time only; none of their text is part of this project.
 */
class SeedArticlesDecodeTest {

    private static Path seeds() {
        String override = System.getProperty("crux.seeds");
        return override != null && !override.isBlank() ? Path.of(override) : Path.of("..", "shared", "seeds");
    }

    private static List<Path> seedFiles() throws IOException {
        Path folder = seeds();
        Assumptions.assumeTrue(Files.isDirectory(folder), "no seed folder at " + folder.toAbsolutePath());
        try (Stream<Path> listing = Files.list(folder)) {
            List<Path> files = listing.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
            Assumptions.assumeFalse(files.isEmpty(), "no .txt files in " + folder.toAbsolutePath());
            return files;
        }
    }

    @Test
    void everySeedDecodesToNonEmptyIdempotentText() throws IOException {
        for (Path file : seedFiles()) {
            var decoded = UploadedText.decode(Files.readAllBytes(file), file.getFileName().toString(), 5L * 1024 * 1024);
            assertFalse(decoded.text().isBlank(), file.toString());
            assertFalse(decoded.title() == null || decoded.title().isBlank(), file.toString());
            assertEquals(decoded.text(), TextNormalizer.normalize(decoded.text()), file + ": normalising twice changes nothing");
            assertFalse(decoded.text().contains("\r"), file.toString());
            for (TextNormalizer.Paragraph p : TextNormalizer.paragraphs(decoded.text())) {
                assertEquals(p.text(), decoded.text().substring(p.start(), p.end()));
            }
        }
    }

    /** Lines an editor is likely to quote and that a careless cleaner would damage. */
    @Test
    void oddLinesSurviveExceptForTrailingSpace() throws IOException {
        for (Path file : seedFiles()) {
            String raw = Files.readString(file);
            String text = UploadedText.decode(Files.readAllBytes(file), file.getFileName().toString(), 5L * 1024 * 1024).text();
            List<String> odd = raw.lines()
                    .filter(l -> l.contains("â") || l.startsWith(" ") || l.contains("•"))
                    .filter(l -> l.strip().length() > 3)
                    .filter(l -> l.chars().noneMatch(c -> c == '\t' || c == '\u00A0' || c == '\u200B' || Character.isISOControl(c)))
                    .toList();
            for (String line : odd) {
                assertTrue(text.contains(line.stripTrailing()), file + " lost: " + line);
            }
        }
    }
}
