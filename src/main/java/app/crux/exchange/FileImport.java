package app.crux.exchange;

import app.crux.document.importing.ImportRefused;
import app.crux.document.importing.PdfText;
import app.crux.document.importing.UploadedText;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The command line's {@code import <folder or files>}: every .txt, .md, .html and .pdf file
 * through the import form's pipeline ({@link UploadedText}, {@link PdfText}), stored by a
 * {@link Sink} (directly, or through a running server's API), with a progress line and a
 * summary. One file's refusal never stops the others.
 */
public final class FileImport {

    static final Set<String> EXTENSIONS = Set.of("txt", "md", "markdown", "html", "htm", "pdf");
    static final long MAX_BYTES = 5L * 1024 * 1024;

    /** Where a file's text goes. */
    public interface Sink {
        Outcome store(String title, String text);
    }

    public enum Result { IMPORTED, DUPLICATE, REFUSED }

    /** {@code detail}: the new document's slug, the existing one's (duplicate), or the reason (refused). */
    public record Outcome(Result result, String detail) {
        public static Outcome imported(String slug) {
            return new Outcome(Result.IMPORTED, slug);
        }

        public static Outcome duplicate(String existing) {
            return new Outcome(Result.DUPLICATE, existing);
        }

        public static Outcome refused(String reason) {
            return new Outcome(Result.REFUSED, reason);
        }
    }

    public record FileOutcome(Path file, Outcome outcome) {
    }

    public record Summary(List<FileOutcome> files) {
        public long count(Result result) {
            return files.stream().filter(f -> f.outcome().result() == result).count();
        }
    }

    private FileImport() {
    }

    /** The files named, folders searched recursively for the extensions above, in a stable order. */
    public static List<Path> collect(List<String> arguments) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String argument : arguments) {
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(FileImport::wanted).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IOException("No such file or folder: " + argument);
            }
        }
        return files;
    }

    static boolean wanted(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    public static Summary run(List<Path> files, Sink sink, PrintStream out) {
        List<FileOutcome> outcomes = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
            out.printf(Locale.ROOT, "[%d/%d] %.1f files/s  %s%n", i + 1, files.size(), i / seconds, file.getFileName());
            Outcome outcome;
            try {
                Candidate c = read(file);
                outcome = sink.store(c.title(), c.text());
            } catch (ImportRefused e) {
                outcome = Outcome.refused(e.getMessage());
            } catch (IOException e) {
                outcome = Outcome.refused("could not read it: " + e.getMessage());
            }
            outcomes.add(new FileOutcome(file, outcome));
        }
        Summary summary = new Summary(outcomes);
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "Done in %.1f s: %d imported, %d duplicates skipped, %d refused.%n", seconds,
                summary.count(Result.IMPORTED), summary.count(Result.DUPLICATE), summary.count(Result.REFUSED));
        for (FileOutcome f : outcomes) {
            switch (f.outcome().result()) {
                case IMPORTED -> out.printf("  imported   %s -> /documents/%s%n", f.file(), f.outcome().detail());
                case DUPLICATE -> out.printf("  duplicate  %s: already in Crux as /documents/%s%n", f.file(), f.outcome().detail());
                case REFUSED -> out.printf("  refused    %s: %s%n", f.file(), f.outcome().detail());
            }
        }
        return summary;
    }

    record Candidate(String title, String text) {
    }

    /** A file's title and normalised text, judged by content: a PDF by its signature, HTML by its tags. */
    static Candidate read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new ImportRefused(ImportRefused.Reason.TOO_LARGE, "the file is " + size / 1024 + " KB; up to "
                    + MAX_BYTES / 1024 / 1024 + " MB are accepted");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (PdfText.isPdf(bytes)) {
            PdfText.Extracted pdf = PdfText.extract(bytes);
            return new Candidate(pdf.title(), pdf.text());
        }
        var decoded = UploadedText.decode(bytes, file.getFileName().toString(), MAX_BYTES);
        return new Candidate(decoded.title(), decoded.text());
    }
}
