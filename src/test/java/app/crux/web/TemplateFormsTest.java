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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every page form that posts comes from {@code {#form}} (tags/form.html), the one place that adds the CSRF token. */
class TemplateFormsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path TAG = TEMPLATES.resolve("tags/form.html");

    private static final Pattern HAND_BUILT = Pattern.compile("<form\\b[^>]*method=\"post\"|inject:csrf(?:Field)?\\.(?:token|parameterName|name)\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void noTemplateButTheFormTagWritesAPostFormOrTheToken() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html") && !f.equals(TAG)).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (HAND_BUILT.matcher(lines.get(i)).find()) {
                        found.add(TEMPLATES.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "write {#form action=…}…{/form} instead");
        assertTrue(Files.readString(TAG).contains("inject:csrfField.token"), "the tag adds the token");
    }
}
