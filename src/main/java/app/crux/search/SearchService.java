package app.crux.search;

import app.crux.web.NextPaging;
import app.crux.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * Full-text search over claims and documents (PostgreSQL tsvector, statement and
 * title weighted above body), with pg_trgm word similarity as the fallback when the
 * words as typed match nothing — the usual sign of a misspelling.
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

    public record Results(String query, List<Hit> claims, List<Hit> documents, boolean approximate, int page) {
        public boolean empty() {
            return claims.isEmpty() && documents.isEmpty();
        }

        public boolean more() {
            return claims.size() == PAGE_SIZE || documents.size() == PAGE_SIZE;
        }
    }

    /** How many published claims and documents the words match in all (the full-text lists, not the look-alike fallback). */
    public record Totals(long claims, long documents) {
    }

    @Inject
    EntityManager em;

    public Results search(String query, int page) {
        return search(query, page, PAGE_SIZE);
    }

    /** A page of {@code size} hits of each list (the JSON API lets the client choose; the pages use {@link #PAGE_SIZE}). */
    public Results search(String query, int page, int size) {
        String q = usable(query);
        if (q == null) {
            return new Results(query == null ? "" : query.strip(), List.of(), List.of(), false, page);
        }
        int offset = NextPaging.offset(Math.max(1, page), size);   // clamped: a huge page number is past the end
        List<Hit> claims = hits("""
                SELECT c.id, c.slug, c.statement, ts_headline('english', c.statement, q, :headline)
                FROM claim c, websearch_to_tsquery('english', :q) q
                WHERE c.status = 'PUBLISHED' AND c.search @@ q
                ORDER BY ts_rank(c.search, q) DESC, c.id OFFSET :offset LIMIT :limit""", q, offset, size);
        List<Hit> documents = hits("""
                SELECT d.id, d.slug, d.title, ts_headline('english', coalesce(left(d.body, 100000), d.title), q, :headline)
                FROM document d, websearch_to_tsquery('english', :q) q
                WHERE d.search @@ q
                ORDER BY ts_rank(d.search, q) DESC, d.id OFFSET :offset LIMIT :limit""", q, offset, size);
        if (!claims.isEmpty() || !documents.isEmpty() || page > 1) {
            return new Results(q, claims, documents, false, page);
        }
        // nothing for the words as typed: try words that look alike (misspellings)
        List<Hit> nearClaims = plain("""
                SELECT c.id, c.slug, c.statement, c.statement FROM claim c
                WHERE c.status = 'PUBLISHED' AND :q <% c.statement
                ORDER BY word_similarity(:q, c.statement) DESC, c.id LIMIT :limit""", q, size);
        List<Hit> nearDocuments = plain("""
                SELECT d.id, d.slug, d.title, d.title FROM document d
                WHERE :q <% d.title
                ORDER BY word_similarity(:q, d.title) DESC, d.id LIMIT :limit""", q, size);
        return new Results(q, nearClaims, nearDocuments, true, page);
    }

    /** The full-text matches in all, for the API's totals: two counts, so only the API asks, not every page view. */
    public Totals totals(String query) {
        String q = usable(query);
        if (q == null) {
            return new Totals(0, 0);
        }
        return new Totals(count("""
                SELECT count(*) FROM claim c, websearch_to_tsquery('english', :q) q
                WHERE c.status = 'PUBLISHED' AND c.search @@ q""", q), count("""
                SELECT count(*) FROM document d, websearch_to_tsquery('english', :q) q
                WHERE d.search @@ q""", q));
    }

    /** The query as searched, or null when there is nothing to search (empty, or longer than any sensible query). */
    private static String usable(String query) {
        String q = query == null ? "" : query.strip();
        return q.isEmpty() || q.length() > 200 ? null : q;
    }

    private long count(String sql, String q) {
        return ((Number) em.createNativeQuery(sql).setParameter("q", q).getSingleResult()).longValue();
    }

    /** A matching claim or document as the query reads it: id, slug, title, text with the matches marked. */
    private record Row(long id, String slug, String title, String headline) {
        Hit hit() {
            return new Hit(id, slug, title, Snippet.marked(headline, START, STOP));
        }
    }

    private List<Hit> hits(String sql, String q, int offset, int size) {
        return Rows.list(em.createNativeQuery(sql).setParameter("q", q).setParameter("headline", HEADLINE)
                .setParameter("offset", offset).setParameter("limit", size), Row.class).stream().map(Row::hit).toList();
    }

    private List<Hit> plain(String sql, String q, int size) {
        return Rows.list(em.createNativeQuery(sql).setParameter("q", q).setParameter("limit", size), Row.class)
                .stream().map(Row::hit).toList();
    }
}
