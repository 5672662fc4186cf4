package app.crux.search;

import app.crux.web.NextPaging;
import app.crux.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Full-text search over claims and documents (PostgreSQL tsvector, statement and
 * title weighted above body), with pg_trgm word similarity as the fallback when the
 * words as typed match nothing — the usual sign of a misspelling.
 * <p>
 * Each list ranks at most the newest {@code crux.search.ranked} matches (1,000 by default).
 * Checking and ranking a match reads its whole search vector (a few KB for an article), so
 * ranking every match made a broad query's cost grow with the library: 30 ms at 1,000
 * matching documents, 83 ms at 10,000. Past the limit the page says so and asks for more words.
 */
@ApplicationScoped
public class SearchService {

    public static final int PAGE_SIZE = 20;
    /** ts_headline marks matches with these; the snippet is escaped, then they become <mark>. */
    private static final String START = "\u27E6";
    private static final String STOP = "\u27E7";
    private static final String HEADLINE = "StartSel=" + START + ", StopSel=" + STOP + ", MaxWords=30, MinWords=12, MaxFragments=2";

    public record Hit(long id, String slug, String title, Snippet snippet) {
    }

    /**
     * @param claimsCapped more claims match than are ranked (only the newest {@code ranked} are)
     * @param documentsCapped the same for documents
     */
    public record Results(String query, List<Hit> claims, List<Hit> documents, boolean approximate, int page,
            boolean claimsCapped, boolean documentsCapped, int ranked) {
        static Results none(String query, int page) {
            return new Results(query, List.of(), List.of(), false, page, false, false, 0);
        }

        public boolean capped() {
            return claimsCapped || documentsCapped;
        }

        /** The page's notice when capped: "More than 1,000 documents match these words, …". */
        public String cappedNotice() {
            String lists = claimsCapped && documentsCapped ? "claims and more than %,d documents".formatted(ranked)
                    : claimsCapped ? "claims" : "documents";
            return "More than %,d %s match these words, so the best are picked from the newest %,d. Add a word to narrow the search."
                    .formatted(ranked, lists, ranked);
        }

        public boolean empty() {
            return claims.isEmpty() && documents.isEmpty();
        }

        public boolean more() {
            return claims.size() == PAGE_SIZE || documents.size() == PAGE_SIZE;
        }
    }

    /**
     * How many published claims and documents the words match, counted up to the ranked limit (the
     * full-text lists, not the look-alike fallback); {@code capped} when either list has more.
     */
    public record Totals(long claims, long documents, boolean capped) {
    }

    @Inject
    EntityManager em;

    @ConfigProperty(name = "crux.search.ranked", defaultValue = "1000")
    int ranked;

    public Results search(String query, int page) {
        return search(query, page, PAGE_SIZE);
    }

    /** A page of {@code size} hits of each list (the JSON API lets the client choose; the pages use {@link #PAGE_SIZE}). */
    public Results search(String query, int page, int size) {
        return search(query, page, size, ranked);
    }

    /** As {@link #search(String, int, int)}, ranking at most {@code ranked} matches of each list (tests set a small one). */
    Results search(String query, int page, int size, int ranked) {
        String q = usable(query);
        if (q == null) {
            return Results.none(query == null ? "" : query.strip(), page);
        }
        int offset = NextPaging.offset(Math.max(1, page), size);   // clamped: a huge page number is past the end
        // the innermost query takes the newest matches, one more than are ranked, through the primary key (or the
        // GIN index when they are few); the middle one counts them (one more: capped) and numbers them newest
        // first; the outer one ranks the ranked ones and highlights a page of them
        List<Row> claims = rows("""
                SELECT c.id, c.slug, c.statement, ts_headline('english', c.statement, q, ?), m.found
                FROM websearch_to_tsquery('english', ?) q
                CROSS JOIN LATERAL (SELECT n.id, count(*) OVER () AS found, row_number() OVER (ORDER BY n.id DESC) AS newest
                     FROM (SELECT x.id FROM claim x WHERE x.status = 'PUBLISHED' AND x.search @@ q
                           ORDER BY x.id DESC LIMIT ?) n) m
                JOIN claim c ON c.id = m.id
                WHERE m.newest <= ?
                ORDER BY ts_rank(c.search, q) DESC, c.id OFFSET ? LIMIT ?""", q, offset, size, ranked);
        List<Row> documents = rows("""
                SELECT d.id, d.slug, d.title, ts_headline('english', coalesce(left(d.body, 100000), d.title), q, ?), m.found
                FROM websearch_to_tsquery('english', ?) q
                CROSS JOIN LATERAL (SELECT n.id, count(*) OVER () AS found, row_number() OVER (ORDER BY n.id DESC) AS newest
                     FROM (SELECT x.id FROM document x WHERE x.search @@ q ORDER BY x.id DESC LIMIT ?) n) m
                JOIN document d ON d.id = m.id
                WHERE m.newest <= ?
                ORDER BY ts_rank(d.search, q) DESC, d.id OFFSET ? LIMIT ?""", q, offset, size, ranked);
        if (!claims.isEmpty() || !documents.isEmpty() || page > 1) {
            return new Results(q, hits(claims), hits(documents), false, page, full(claims, ranked), full(documents, ranked), ranked);
        }
        // nothing for the words as typed: try words that look alike (misspellings)
        List<Hit> nearClaims = plain("""
                SELECT c.id, c.slug, c.statement, c.statement, CAST(0 AS bigint) FROM claim c
                WHERE c.status = 'PUBLISHED' AND ? <% c.statement
                ORDER BY word_similarity(?, c.statement) DESC, c.id LIMIT ?""", q, size);
        List<Hit> nearDocuments = plain("""
                SELECT d.id, d.slug, d.title, d.title, CAST(0 AS bigint) FROM document d
                WHERE ? <% d.title
                ORDER BY word_similarity(?, d.title) DESC, d.id LIMIT ?""", q, size);
        return new Results(q, nearClaims, nearDocuments, true, page, false, false, ranked);
    }

    /** The API's totals: two counts, so only the API asks, not every page view; each stops one past the ranked limit. */
    public Totals totals(String query) {
        return totals(query, ranked);
    }

    Totals totals(String query, int ranked) {
        String q = usable(query);
        if (q == null) {
            return new Totals(0, 0, false);
        }
        long claims = count("""
                SELECT count(*) FROM (SELECT 1 FROM claim c WHERE c.status = 'PUBLISHED'
                    AND c.search @@ websearch_to_tsquery('english', ?) LIMIT ?) m""", q, ranked + 1);
        long documents = count("""
                SELECT count(*) FROM (SELECT 1 FROM document d
                    WHERE d.search @@ websearch_to_tsquery('english', ?) LIMIT ?) m""", q, ranked + 1);
        return new Totals(Math.min(claims, ranked), Math.min(documents, ranked), claims > ranked || documents > ranked);
    }

    /** The query as searched, or null when there is nothing to search (empty, or longer than any sensible query). */
    private static String usable(String query) {
        String q = query == null ? "" : query.strip();
        return q.isEmpty() || q.length() > 200 ? null : q;
    }

    private record Count(long n) {
    }

    // every query here is planned for its words (Rows.selectPlanned): how many rows match decides the plan
    private long count(String sql, String q, int over) {
        return Rows.selectPlanned(em, Count.class, sql, q, over).get(0).n();
    }

    /**
     * A matching claim or document as the query reads it: id, slug, title, text with the matches marked,
     * and how many matches were found with it (up to one more than are ranked).
     */
    private record Row(long id, String slug, String title, String headline, long found) {
        Hit hit() {
            return new Hit(id, slug, title, Snippet.marked(headline, START, STOP));
        }
    }

    private List<Row> rows(String sql, String q, int offset, int size, int ranked) {
        return Rows.selectPlanned(em, Row.class, sql, HEADLINE, q, ranked + 1, ranked, offset, size);
    }

    private static List<Hit> hits(List<Row> rows) {
        return rows.stream().map(Row::hit).toList();
    }

    /** More matched than the list ranked. */
    private static boolean full(List<Row> rows, int ranked) {
        return !rows.isEmpty() && rows.get(0).found() > ranked;
    }

    private List<Hit> plain(String sql, String q, int size) {
        return hits(Rows.selectPlanned(em, Row.class, sql, q, q, size));
    }
}
