package app.crux.web;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One checksum per table of the schema, to show that a refused request changed nothing at all. */
final class TableChecksum {

    private TableChecksum() {
    }

    static Map<String, String> ofAllTables() {
        try (Connection connection = Arc.container().instance(AgroalDataSource.class).get().getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.createStatement().executeQuery(
                    "select table_name from information_schema.tables where table_schema = current_schema() "
                            + "and table_type = 'BASE TABLE' order by table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            Map<String, String> sums = new TreeMap<>();
            for (String table : tables) {
                try (ResultSet rs = connection.createStatement().executeQuery("select count(*) || ':' || "
                        + "coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from \"" + table + "\" t")) {
                    rs.next();
                    sums.put(table, rs.getString(1));
                }
            }
            if (sums.size() < 10) {
                throw new AssertionError("expected the whole schema, found only " + sums.keySet());
            }
            return sums;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
