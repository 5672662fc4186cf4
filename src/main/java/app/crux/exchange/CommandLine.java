package app.crux.exchange;

import app.crux.EmbeddedDatabase;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code java -jar quarkus-run.jar import <folder or files> | export <file> | import-dataset <file> [--merge]}.
 * With {@code CRUX_URL} and {@code CRUX_TOKEN} the command is a client of that running server's
 * API. Without them it works on the database directly, starting Crux without serving pages; on
 * the embedded database only when no server holds its data folder (PostgreSQL's
 * {@code postmaster.pid} names a live process): two servers on one folder would corrupt it.
 */
public final class CommandLine {

    static final Set<String> COMMANDS = Set.of("import", "export", "import-dataset");
    static final String USAGE = """
            Usage: java -jar target/quarkus-app/quarkus-run.jar COMMAND
              import <folder or files>...     import .txt .md .html .pdf files as documents
              export <file>                   write the whole corpus (crux-export/1) to file
              import-dataset <file> [--merge] load an export into an empty database (or add what is missing)
            With CRUX_URL and CRUX_TOKEN set, the command talks to that running Crux; otherwise it
            opens the database itself (stop the server first when it uses the embedded database).""";

    private CommandLine() {
    }

    public static boolean isCommand(String... args) {
        return args.length > 0 && (COMMANDS.contains(args[0]) || args[0].equals("help") || args[0].equals("--help"));
    }

    /** Direct mode goes on: CruxMain starts the database and then {@link ExchangeCommand}. */
    public static final int DIRECT = -1;

    /**
     * Runs the command as a client, or refuses; the exit code (0 ok, 1 something refused, 2 usage or
     * environment), or {@link #DIRECT} when the command is to run on the database itself.
     */
    public static int run(Map<String, String> env, PrintStream out, PrintStream err, String... args) {
        if (args.length < 2 || !COMMANDS.contains(args[0])) {
            err.println(USAGE);
            return 2;
        }
        String url = env.get("CRUX_URL");
        if (url != null && !url.isBlank()) {
            String token = env.get("CRUX_TOKEN");
            if (token == null || token.isBlank()) {
                err.println("CRUX_URL is set but CRUX_TOKEN is not: create a token on the server (POST /api/auth/token) "
                        + "and give it in CRUX_TOKEN.");
                return 2;
            }
            return client(new ApiClient(url, token), out, err, args);
        }
        if (!EmbeddedDatabaseConfigured.external(env)) {
            Optional<String> holder = runningServer(EmbeddedDatabase.dataDir(env));
            if (holder.isPresent()) {
                err.println(holder.get());
                return 2;
            }
        }
        // a command serves nothing: ephemeral ports, so a server on the same machine is never in the way
        System.setProperty("quarkus.http.port", "0");
        System.setProperty("quarkus.management.port", "0");
        System.setProperty("crux.demo.load-on-empty", "false");
        return DIRECT;
    }

    /** A message naming the live PostgreSQL that holds {@code pgdata}, or empty when nobody does. */
    static Optional<String> runningServer(Path pgdata) {
        Path pidFile = pgdata.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).strip());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return Optional.of("A Crux server is using " + pgdata.getParent() + " (its PostgreSQL runs as process " + pid
                        + "). Stop it first, or run this command through it: CRUX_URL=http://localhost:8080 "
                        + "CRUX_TOKEN=<token> java -jar target/quarkus-app/quarkus-run.jar ...");
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("Cannot tell whether a server is using " + pgdata + " (" + pidFile + " is unreadable: "
                    + e.getMessage() + "); stop it, or set CRUX_URL and CRUX_TOKEN.");
        }
    }

    static int client(ApiClient api, PrintStream out, PrintStream err, String... args) {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "import" -> {
                    var summary = FileImport.run(FileImport.collect(rest), api, out);
                    return summary.count(FileImport.Result.REFUSED) == 0 ? 0 : 1;
                }
                case "export" -> {
                    api.export(Path.of(rest.get(0)));
                    out.println("Exported to " + rest.get(0) + " (" + Files.size(Path.of(rest.get(0))) + " bytes).");
                    return 0;
                }
                default -> {
                    var response = api.importDataset(Path.of(rest.get(0)), rest.contains("--merge"));
                    (response.statusCode() == 200 ? out : err).println(response.body());
                    return response.statusCode() == 200 ? 0 : 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    /** Whether Crux will use an external PostgreSQL (then there is no data folder to guard). */
    static final class EmbeddedDatabaseConfigured {
        static boolean external(Map<String, String> env) {
            return env.get("QUARKUS_DATASOURCE_JDBC_URL") != null || System.getProperty("quarkus.datasource.jdbc.url") != null;
        }
    }
}
