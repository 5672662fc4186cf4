package app.crux;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The migrations build the whole schema on an empty database, on the same PostgreSQL the app uses. */
@QuarkusTest
class SchemaMigrationTest {

    private static final List<String> TABLES = List.of("api_token", "app_user", "audit_event", "claim", "claim_merge", "claim_score",
            "claim_tag", "discussion", "discussion_post", "document", "document_revision", "document_url", "evidence", "excerpt", "login_failure",
            "rating_request", "tag", "user_role", "vote");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void migrationsApplyToAnEmptyDatabase() throws SQLException {
        String database = "crux_empty_" + System.nanoTime();
        try (Connection admin = dataSource.getConnection()) {
            admin.setAutoCommit(true);
            admin.createStatement().execute("CREATE DATABASE " + database);
        }
        String url = replaceDatabase(dataSource.getConfiguration().connectionPoolConfiguration()
                .connectionFactoryConfiguration().jdbcUrl(), database);
        String user = dataSource.getConfiguration().connectionPoolConfiguration()
                .connectionFactoryConfiguration().principal().getName();
        String password = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "");
        try {
            var result = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
            assertTrue(result.success);
            assertTrue(result.migrationsExecuted >= 1);
            try (Connection fresh = DriverManager.getConnection(url, user, password)) {
                assertEquals(TABLES, tables(fresh));
                ResultSet extension = fresh.createStatement().executeQuery("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'");
                extension.next();
                assertEquals(1, extension.getInt(1));
                ResultSet similarity = fresh.createStatement().executeQuery(
                        "SELECT similarity('hamstring stretch', 'hamstrings stretching') > 0.3");
                similarity.next();
                assertTrue(similarity.getBoolean(1));
            }
        } finally {
            try (Connection admin = dataSource.getConnection()) {
                admin.setAutoCommit(true);
                admin.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void generatedSearchColumnsRankTitlesAboveBodies() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            ResultSet rows = connection.createStatement().executeQuery("""
                    SELECT ts_rank(setweight(to_tsvector('english', 'Stretching'), 'A'), plainto_tsquery('english', 'stretches'))
                         > ts_rank(setweight(to_tsvector('english', 'Stretching'), 'D'), plainto_tsquery('english', 'stretches'))""");
            rows.next();
            assertTrue(rows.getBoolean(1));
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        ResultSet rows = connection.createStatement().executeQuery(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history' ORDER BY tablename");
        while (rows.next()) {
            names.add(rows.getString(1));
        }
        return names;
    }

    private static String replaceDatabase(String jdbcUrl, String database) {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbcUrl.indexOf('?', slash);
        return jdbcUrl.substring(0, slash + 1) + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }
}
