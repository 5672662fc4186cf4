package app.crux.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Addresses of entity pages are built in one place (the {@code …Paths} template extensions):
 * a template that glues an id or slug into a literal path would survive a route rename
 * and link to nowhere.
 */
class TemplateLinksTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** A literal path with an expression in a path segment ({@code /claims/{c.slug}}), or an id/slug in its query. */
    static final Pattern HAND_BUILT = Pattern.compile(
            "(?:href|action|src)=\"/[^\"]*?(?:/\\{|=\\{[^}]*\\b(?:slug|id|Slug|Id)\\})");

    @Test
    void noTemplateBuildsAnEntityPathByHand() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (HAND_BUILT.matcher(lines.get(i)).find()) {
                        found.add(TEMPLATES.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "use the …Paths template extensions ({claim.path}, {document.path}, {evidence.votePath}) instead");
    }

    @Test
    void thePatternCatchesWhatItShould() {
        assertFalse(List.of("<a href=\"/claims/{c.slug}\">", "<form action=\"/evidence/{e.id}/vote\">",
                "<a href=\"/contested?tag={tag.slug}\">", "<a href=\"/documents/{p.documentSlug}\">")
                .stream().anyMatch(s -> !HAND_BUILT.matcher(s).find()));
        assertFalse(List.of("<a href=\"{claim.path}\">", "<a href=\"/search?q={encodedQuery}&page={results.page}\">",
                "<link href=\"/css/crux.css\">", "<a href=\"/history?before={nextBefore}\">")
                .stream().anyMatch(s -> HAND_BUILT.matcher(s).find()));
    }
}
