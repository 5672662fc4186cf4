package app.crux;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * PostgreSQL 17 from the zonky binaries, for people who run Crux without a
 * database server of their own. Data lives in {@code CRUX_DATA_DIR} (default
 * {@code ~/.crux/pgdata}) and is reused on the next start.
 */
public final class EmbeddedDatabase {

    /** Set once per JVM; survives dev-mode reloads, which reload our classes but not system properties. */
    private static final String STARTED_URL = "app.crux.embedded-postgres.jdbc-url";
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    /** Longer than quarkus.shutdown.timeout plus Quarkus' own stop; a hung stop must not keep PostgreSQL up forever. */
    private static final Duration MAX_WAIT_FOR_QUARKUS = Duration.ofSeconds(45);

    /** Started for the application (not for a test): its stop waits for Quarkus to stop first. */
    private static volatile boolean runByMain;

    /** The start CruxMain began in the background; null when there is none to wait for (a test, a dev-mode reload). */
    private static volatile CompletableFuture<EmbeddedPostgres> starting;

    private EmbeddedDatabase() {
    }

    /**
     * Starts the embedded database and points Quarkus at it, unless a JDBC URL is configured. PostgreSQL
     * starts in the background while Quarkus boots (most of a restart is Quarkus' own start, and
     * zonky hashes its 15 MB archive first): the URL only needs the port, chosen here, and Flyway,
     * the first to use the database, waits for it ({@link #awaitStarted}).
     */
    public static void startUnlessConfigured() {
        if (externalUrlConfigured()) {
            return;
        }
        String url = System.getProperty(STARTED_URL);
        if (url == null) {
            Path dir = dataDir(System.getenv());
            runByMain = true;
            int port = freePort();
            starting = startInBackground(dir, port);
            url = "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?user=" + USER;
            System.setProperty(STARTED_URL, url);
            // before Quarkus' logging exists; operators and the ops and bench scripts read the address from here
            System.out.println("Crux: embedded PostgreSQL 17 at " + url + " (data in " + dir + ")");
        }
        System.setProperty("quarkus.datasource.jdbc.url", url);
        System.setProperty("quarkus.datasource.username", USER);
        System.setProperty("quarkus.datasource.password", "");
    }

    /**
     * Returns once the PostgreSQL started by {@link #startUnlessConfigured} accepts connections, at
     * once when there is none; throws, naming the data folder and the reason, when it did not start,
     * so that Quarkus' start fails with that message.
     */
    public static void awaitStarted() {
        await(starting);
    }

    static void await(CompletableFuture<EmbeddedPostgres> pending) {
        if (pending == null) {
            return;
        }
        try {
            pending.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    /** Where the embedded database this JVM started keeps its data (for the start-up banner); empty with an external one. */
    public static Optional<Path> runningDataDir() {
        return System.getProperty(STARTED_URL) == null ? Optional.empty() : Optional.of(dataDir(System.getenv()));
    }

    static boolean externalUrlConfigured() {
        return System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null
                || (System.getProperty("quarkus.datasource.jdbc.url") != null
                        && System.getProperty(STARTED_URL) == null);
    }

    /**
     * Starts PostgreSQL on {@code port} (0 = a free one) with its data in {@code dataDir},
     * and stops it when the JVM exits.
     */
    public static EmbeddedPostgres start(Path dataDir, int port) {
        EmbeddedPostgres postgres = launch(dataDir, port == 0 ? freePort() : port);
        stopAtExit(CompletableFuture.completedFuture(postgres));
        return postgres;
    }

    /** {@link #start} on a thread of its own; its failure is the future's. */
    static CompletableFuture<EmbeddedPostgres> startInBackground(Path dataDir, int port) {
        CompletableFuture<EmbeddedPostgres> started = new CompletableFuture<>();
        // registered before the start, so a JVM that exits while PostgreSQL is starting still stops it
        stopAtExit(started);
        new Thread(() -> {
            try {
                started.complete(launch(dataDir, port));
            } catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
            }
        }, "crux-embedded-postgres-start").start();
        return started;
    }

    private static EmbeddedPostgres launch(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "120")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("fsync", "on")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8")
                    // zonky's own hook would stop PostgreSQL at once, beside Quarkus' graceful stop
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDir + ": " + e, e);
        }
    }

    private static void stopAtExit(CompletableFuture<EmbeddedPostgres> started) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (runByMain) {
                    awaitQuarkusStopped();
                }
                // a fast shutdown: sessions end, a checkpoint is written, the next start needs no recovery
                started.join().close();
            } catch (CompletionException e) {
                // it never started: nothing to stop
            } catch (IOException e) {
                System.err.println("Stopping the embedded PostgreSQL failed: " + e.getMessage());
            }
        }, "crux-embedded-postgres-stop"));
    }

    /**
     * JVM shutdown hooks run all at once: without this wait PostgreSQL would stop while Quarkus still
     * lets the requests in flight finish ({@code quarkus.shutdown.timeout}), and those would fail.
     * Quarkus' own hook forgets the application once it has stopped.
     */
    private static void awaitQuarkusStopped() {
        long deadline = System.nanoTime() + MAX_WAIT_FOR_QUARKUS.toNanos();
        try {
            while (ApplicationLifecycleManager.getCurrentApplication() != null) {
                if (System.nanoTime() > deadline) {
                    System.err.println("Crux: Quarkus did not stop within " + MAX_WAIT_FOR_QUARKUS.toSeconds()
                            + " s; stopping the embedded PostgreSQL anyway");
                    return;
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static Path dataDir(Map<String, String> env) {
        String dir = env.get("CRUX_DATA_DIR");
        Path base = dir == null || dir.isBlank()
                ? Path.of(System.getProperty("user.home"), ".crux")
                : Path.of(dir);
        return base.resolve("pgdata");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded PostgreSQL", e);
        }
    }
}
