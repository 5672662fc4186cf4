package app.crux.exchange;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The command line ({@code import}, {@code export}, {@code import-dataset}) as a client of this
 * test's running server, its direct-mode sink, and its refusal to open a data folder a live
 * PostgreSQL holds.
 */
@QuarkusTest
class CommandLineTest {

    private static final Path SEEDS = Path.of(System.getProperty("crux.seeds", "../shared/seeds"));
    private static final Pattern SUMMARY = Pattern.compile("Done in [0-9.]+ s: (\\d+) imported, (\\d+) duplicates skipped, (\\d+) refused\\.");

    @Inject
    DirectSink direct;

    record Run(int exit, String out, String err) {
        int[] summary() {
            Matcher m = SUMMARY.matcher(out);
            assertTrue(m.find(), out);
            return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
        }
    }

    static Run client(String token, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("CRUX_URL", "http://localhost:" + RestAssured.port + "/", "CRUX_TOKEN", token);
        int exit = CommandLine.run(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void importsAFolderWithProgressAndASummary(@TempDir Path dir) throws IOException {
        String stamp = String.valueOf(System.nanoTime());
        Files.writeString(dir.resolve("a-notes.txt"), "Stretching before runs\n\nA plain note about stretching " + stamp + ".");
        Files.writeString(dir.resolve("b-post.md"), "# Protein timing\n\nA markdown post on protein timing " + stamp + ".");
        Files.writeString(dir.resolve("c-page.html"), "<!doctype html><html><head><title>Cold showers " + stamp
                + "</title></head><body><p>A page about cold showers " + stamp + ".</p></body></html>");
        Files.copy(dir.resolve("a-notes.txt"), dir.resolve("d-copy.txt"));
        Files.write(dir.resolve("e-image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        Files.writeString(dir.resolve("f-ignored.docx"), "not looked at");
        String token = TestAccounts.token(TestAccounts.create("cli-editor", Role.EDITOR));

        Run run = client(token, "import", dir.toString());

        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("[1/5]") && run.out().contains("[5/5]") && run.out().contains("files/s"), run.out());
        int[] summary = run.summary();
        assertEquals(3, summary[0], run.out());
        assertEquals(1, summary[1], run.out());
        assertEquals(1, summary[2], run.out());
        assertTrue(run.out().contains("duplicate  " + dir.resolve("d-copy.txt") + ": already in Crux as /documents/"), run.out());
        assertTrue(run.out().contains("refused    " + dir.resolve("e-image.txt") + ": This looks like a PNG image"), run.out());
        String slug = run.out().lines().filter(l -> l.contains("imported   " + dir.resolve("c-page.html")))
                .findFirst().orElseThrow().replaceAll(".*/documents/", "");
        given().get("/documents/" + slug).then().statusCode(200);
    }

    @Test
    void exportAndImportDatasetGoThroughTheApi(@TempDir Path dir) throws IOException {
        String admin = ExchangeCorpus.adminToken();
        Path file = dir.resolve("corpus.json");
        Run export = client(admin, "export", file.toString());
        assertEquals(0, export.exit(), export.err());
        assertTrue(Files.readString(file).startsWith("{\"format\":\"crux-export/1\",\"exportedAt\":"));
        // the shared test database has content: refused unless merging, and the command says why
        Run refused = client(admin, "import-dataset", file.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("mode=merge"), refused.err());
    }

    @Test
    void readsTheSeedArticlesWhenPresent() throws IOException {
        assumeTrue(Files.isDirectory(SEEDS), "no " + SEEDS);
        List<Path> files = FileImport.collect(List.of(SEEDS.toString()));
        assumeTrue(!files.isEmpty());
        Run run = client(TestApi.editorToken(), "import", SEEDS.toString());
        int[] summary = run.summary();
        assertEquals(files.size(), summary[0] + summary[1], run.out());
        assertEquals(0, summary[2], run.out());
        // a second run finds every one already there, with the existing document named
        int[] again = client(TestApi.editorToken(), "import", SEEDS.toString()).summary();
        assertEquals(files.size(), again[1]);
    }

    @Test
    void directModeStoresThroughTheDocumentService(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("direct.md");
        Files.writeString(file, "# Direct import\n\nWritten without a server in between " + System.nanoTime() + ".");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        var first = FileImport.run(List.of(file), direct, quiet);
        assertEquals(1, first.count(FileImport.Result.IMPORTED));
        var second = FileImport.run(List.of(file), direct, quiet);
        assertEquals(FileImport.Result.DUPLICATE, second.files().get(0).outcome().result());
        assertEquals(first.files().get(0).outcome().detail(), second.files().get(0).outcome().detail());
    }

    @Test
    void aDataFolderHeldByALivePostgresIsRefused(@TempDir Path dir) throws IOException {
        Path pgdata = dir.resolve("pgdata");
        Files.createDirectories(pgdata);
        assertTrue(CommandLine.runningServer(pgdata).isEmpty(), "no pid file: free");
        Files.writeString(pgdata.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + pgdata + "\n");
        String message = CommandLine.runningServer(pgdata).orElseThrow();
        assertTrue(message.contains("Stop it first") && message.contains("CRUX_URL"), message);
        Files.writeString(pgdata.resolve("postmaster.pid"), "2147483646\n");
        assertTrue(CommandLine.runningServer(pgdata).isEmpty(), "a stale pid file does not hold the folder");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CommandLine.run(Map.of("CRUX_DATA_DIR", dir.toString()), System.out, new PrintStream(err), "import");
        assertEquals(2, exit, "usage");
        Files.writeString(pgdata.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n");
        // the test JVM has an external URL configured by the test resource; without one the folder check decides
        if (!CommandLine.EmbeddedDatabaseConfigured.external(Map.of())) {
            exit = CommandLine.run(Map.of("CRUX_DATA_DIR", dir.toString()), System.out, new PrintStream(err), "import", "x");
            assertEquals(2, exit);
        }
    }
}
