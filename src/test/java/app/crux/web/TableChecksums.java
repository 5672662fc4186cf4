package app.crux.web;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An md5 per application table over all its rows in a fixed order, so a test can show
 * that a batch of refused requests changed nothing. A few things change by design on
 * requests that are refused; each exclusion says why.
 */
final class TableChecksums {

    /**
     * login_failure: every refused sign-in is written there on purpose; that row is the
     * throttle (the hostile-input test also deletes the rows it caused, so they cannot
     * throttle the tests that run after it).
     */
    private static final Set<String> EXCLUDED_TABLES = Set.of("login_failure");

    /**
     * api_token.last_used_at: stamped whenever a bearer token authenticates a request,
     * also when the request is then refused (wrong role, bad input). The rest of the
     * row (revoked_at, name, expiry) must not change.
     */
    private static final Set<String> EXCLUDED_COLUMNS = Set.of("api_token.last_used_at");

    private TableChecksums() {
    }

    static Map<String, String> of(DataSource dataSource) {
        Map<String, String> sums = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (EXCLUDED_TABLES.contains(table)) {
                    continue;
                }
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT column_name FROM information_schema.columns "
                        + "WHERE table_schema = 'public' AND table_name = '" + table + "' ORDER BY ordinal_position")) {
                    while (rs.next()) {
                        if (!EXCLUDED_COLUMNS.contains(table + "." + rs.getString(1))) {
                            columns.add("t.\"" + rs.getString(1) + "\"");
                        }
                    }
                }
                String row = "jsonb_build_array(" + String.join(", ", columns) + ")::text";
                try (ResultSet rs = statement.executeQuery("SELECT count(*) || ':' || md5(coalesce(string_agg(" + row
                        + ", E'\\n' ORDER BY " + row + "), '')) FROM \"" + table + "\" t")) {
                    rs.next();
                    sums.put(table, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not checksum the tables", e);
        }
        return sums;
    }
}
