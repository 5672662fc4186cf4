package app.crux;

import java.util.Locale;

/** Patterns for {@code lower(column) like ?}: what a reader types is matched as text, never as wildcards. */
public final class Like {

    private Like() {
    }

    /**
     * {@code %words%}, lower-cased, with {@code \}, {@code %} and {@code _} escaped by a backslash:
     * "10%" finds "10%", not "10 minutes". HQL must say {@code like ?1 escape '\'}: Hibernate renders
     * a LIKE without one as {@code escape ''} on PostgreSQL, where the backslash would then be literal.
     */
    public static String containing(String words) {
        String escaped = words.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
