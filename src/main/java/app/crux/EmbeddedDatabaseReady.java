package app.crux;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway's migration at start is the first use of the database (Hibernate ORM starts after it,
 * the first-admin check later still), so it is where a start waits for the embedded PostgreSQL
 * that CruxMain starts beside Quarkus; a PostgreSQL that failed to start fails Quarkus' start here.
 */
@Singleton
public class EmbeddedDatabaseReady implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        EmbeddedDatabase.awaitStarted();
    }
}
