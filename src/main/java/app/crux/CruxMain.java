package app.crux;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point: starts the embedded PostgreSQL when no database is configured,
 * then Quarkus. Dev mode calls this main again on every live reload, so the
 * embedded database is started once per JVM and reused (see EmbeddedDatabase).
 */
@QuarkusMain
public class CruxMain {

    public static void main(String... args) {
        EmbeddedDatabase.startUnlessConfigured();
        SessionKey.provideUnlessConfigured();
        Quarkus.run(args);
    }
}
