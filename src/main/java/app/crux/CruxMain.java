package app.crux;

import app.crux.exchange.CommandLine;
import app.crux.exchange.ExchangeCommand;
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
        boolean command = CommandLine.isCommand(args); // import / export / import-dataset (README "Command line")
        if (command) {
            int exit = CommandLine.run(System.getenv(), System.out, System.err, args);
            if (exit != CommandLine.DIRECT) {
                System.exit(exit);
            }
        }
        EmbeddedDatabase.startUnlessConfigured();
        SessionKey.provideUnlessConfigured();
        if (command) {
            Quarkus.run(ExchangeCommand.class, args);
            return;
        }
        Quarkus.run(args);
    }
}
