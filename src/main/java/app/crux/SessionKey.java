package app.crux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The key that encrypts login cookies. Production passes it in
 * {@code CRUX_SESSION_KEY} so several instances share logins; a local run keeps
 * a generated one next to its data, so a restart does not log everyone out.
 */
final class SessionKey {

    private static final String PROPERTY = "quarkus.http.auth.session.encryption-key";

    private SessionKey() {
    }

    static void provideUnlessConfigured() {
        String fromEnvironment = System.getenv("CRUX_SESSION_KEY");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            System.setProperty(PROPERTY, fromEnvironment);
            return;
        }
        if (System.getenv("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY") != null || System.getProperty(PROPERTY) != null) {
            return;
        }
        Path file = EmbeddedDatabase.dataDir(System.getenv()).resolveSibling("session.key");
        System.setProperty(PROPERTY, readOrCreate(file));
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String key = Base64.getEncoder().encodeToString(bytes);
            Files.createDirectories(file.getParent());
            Files.writeString(file, key);
            try {
                Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the file keeps the directory's permissions
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the session key " + file, e);
        }
    }
}
