package app.crux.disagreement;

import app.crux.Rows;
import app.crux.document.Document;
import app.crux.web.BadInput;
import app.crux.evidence.Stance;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Two documents side by side: the published claims they disagree on, agree on, and address alone. One query. */
public record Comparison(Document a, Document b, List<Pair> disagree, List<Pair> agree, List<Pair> onlyA, List<Pair> onlyB) {

    /** A claim with each document's stance and quote (null where the document does not address it). */
    public record Pair(long claimId, String slug, String statement, Stance stanceA, String quoteA, Stance stanceB, String quoteB) {
    }

    /** One evidence item of either document on a published claim. */
    private record Item(long claimId, String slug, String statement, long documentId, Stance stance, String quote) {
    }

    public static Comparison of(Document a, Document b) {
        EntityManager em = Panache.getEntityManager();
        List<Item> rows = Rows.list(em.createNativeQuery("""
                SELECT c.id, c.slug, c.statement, e.document_id, e.stance, x.exact
                FROM evidence e JOIN claim c ON c.id = e.claim_id LEFT JOIN excerpt x ON x.id = e.excerpt_id
                WHERE e.document_id IN (:a, :b) AND c.status = 'PUBLISHED' AND e.detached_at IS NULL
                ORDER BY c.id, e.weight DESC, e.id""").setParameter("a", a.id).setParameter("b", b.id), Item.class);
        Map<Long, Item> claims = new LinkedHashMap<>();
        Map<Long, Set<Stance>> stancesA = new LinkedHashMap<>();
        Map<Long, Set<Stance>> stancesB = new LinkedHashMap<>();
        Map<Long, String> quotesA = new LinkedHashMap<>();
        Map<Long, String> quotesB = new LinkedHashMap<>();
        for (Item r : rows) {
            long claim = r.claimId();
            claims.putIfAbsent(claim, r);
            boolean ofA = r.documentId() == a.id;
            (ofA ? stancesA : stancesB).computeIfAbsent(claim, k -> EnumSet.noneOf(Stance.class)).add(r.stance());
            (ofA ? quotesA : quotesB).putIfAbsent(claim, r.quote());
        }
        List<Pair> disagree = new ArrayList<>();
        List<Pair> agree = new ArrayList<>();
        List<Pair> onlyA = new ArrayList<>();
        List<Pair> onlyB = new ArrayList<>();
        for (var entry : claims.entrySet()) {
            long id = entry.getKey();
            Item r = entry.getValue();
            Set<Stance> sa = stancesA.get(id);
            Set<Stance> sb = stancesB.get(id);
            Pair pair = new Pair(id, r.slug(), r.statement(), sa == null ? null : sa.iterator().next(), quotesA.get(id),
                    sb == null ? null : sb.iterator().next(), quotesB.get(id));
            if (sa == null) {
                onlyB.add(pair);
            } else if (sb == null) {
                onlyA.add(pair);
            } else if (opposite(sa, sb)) {
                // a document with passages both ways shows the stance that opposes the other document
                Stance stanceA = sa.size() == 1 ? sa.iterator().next() : sb.contains(Stance.SUPPORTS) ? Stance.CONFLICTS : Stance.SUPPORTS;
                Stance stanceB = stanceA == Stance.SUPPORTS ? Stance.CONFLICTS : Stance.SUPPORTS;
                disagree.add(new Pair(id, pair.slug(), pair.statement(), stanceA, pair.quoteA(), stanceB, pair.quoteB()));
            } else {
                agree.add(pair);
            }
        }
        return new Comparison(a, b, disagree, agree, onlyA, onlyB);
    }

    /** One says SUPPORTS where the other says CONFLICTS. */
    private static boolean opposite(Set<Stance> a, Set<Stance> b) {
        return (a.contains(Stance.SUPPORTS) && b.contains(Stance.CONFLICTS)) || (a.contains(Stance.CONFLICTS) && b.contains(Stance.SUPPORTS));
    }

    /** Another document and on how many claims it takes the opposite side. */
    public record Rival(String slug, String title, long claims) {
    }

    /** The documents {@code document} disagrees with most, at most {@code limit}. */
    public static List<Rival> mostDisagreeing(long document, int limit) {
        return Rows.select(Panache.getEntityManager(), Rival.class, """
                SELECT d.slug, d.title, count(DISTINCT mine.claim_id) AS claims
                FROM evidence mine
                JOIN claim c ON c.id = mine.claim_id AND c.status = 'PUBLISHED'
                JOIN evidence theirs ON theirs.claim_id = mine.claim_id AND theirs.document_id <> mine.document_id
                                     AND theirs.stance <> mine.stance AND theirs.detached_at IS NULL
                JOIN document d ON d.id = theirs.document_id
                WHERE mine.document_id = ? AND mine.detached_at IS NULL
                GROUP BY d.id, d.slug, d.title ORDER BY claims DESC, d.title LIMIT ?""", document, limit);
    }

    /** One side of a comparison, named by slug or id as {@code ?a=} and {@code ?b=} allow; 400 when missing, 404 when unknown. */
    public static Document document(String key) {
        if (key == null || key.isBlank()) {
            throw new BadInput("Give two documents: ?a=slug-or-id&b=slug-or-id.");
        }
        return key.matches("\\d+") ? Document.byId(Long.parseLong(key)) : Document.bySlug(key);
    }
}
