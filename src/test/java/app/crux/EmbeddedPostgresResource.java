package app.crux;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Tests run against a real PostgreSQL: the one in QUARKUS_DATASOURCE_JDBC_URL when
 * given, else an embedded PostgreSQL 17 in a fresh temporary directory.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;
    private Path dataDir;
    /** The running test database's data folder, for tests that stop and start it (web.DatabaseOutageTest). */
    private static volatile Path runningDataDir;

    public static java.util.Optional<Path> runningDataDir() {
        return java.util.Optional.ofNullable(runningDataDir);
    }

    @Override
    public Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return Map.of();
        }
        try {
            dataDir = Files.createTempDirectory("crux-test-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = EmbeddedDatabase.start(dataDir.resolve("pgdata"), 0);
        runningDataDir = dataDir.resolve("pgdata");
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl(EmbeddedDatabase.USER, EmbeddedDatabase.DATABASE),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        if (postgres == null) {
            return;
        }
        runningDataDir = null;
        try {
            postgres.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
