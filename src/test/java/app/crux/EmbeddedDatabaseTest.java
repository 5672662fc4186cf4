package app.crux;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PostgreSQL started beside Quarkus: waiting for it gives a server that answers, or the reason it did not start. */
class EmbeddedDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void aBackgroundStartAnswersOnThePortChosenUpFrontOnceAwaited() throws Exception {
        int port = freePort();
        CompletableFuture<EmbeddedPostgres> started = EmbeddedDatabase.startInBackground(folder.resolve("pgdata"), port);
        EmbeddedDatabase.await(started);
        try (EmbeddedPostgres postgres = started.join();
                Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + port + "/" + EmbeddedDatabase.DATABASE, EmbeddedDatabase.USER, "");
                ResultSet row = connection.createStatement().executeQuery("SELECT current_setting('port')")) {
            assertTrue(row.next());
            assertEquals(String.valueOf(port), row.getString(1));
            assertEquals(port, postgres.getPort());
        }
    }

    @Test
    void aFailedBackgroundStartFailsTheWaitNamingTheFolderAndTheReason() throws Exception {
        Path inTheWay = Files.writeString(folder.resolve("pgdata"), "a file where the data folder should be");
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> EmbeddedDatabase.await(EmbeddedDatabase.startInBackground(inTheWay, freePort())));
        assertTrue(failure.getMessage().startsWith("Could not start the embedded PostgreSQL in " + inTheWay + ": "),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("FileAlreadyExistsException"), failure.getMessage());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
