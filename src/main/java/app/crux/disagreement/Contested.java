package app.crux.disagreement;

import app.crux.evidence.Stance;
import app.crux.Rows;
import app.crux.review.BlindRating;
import app.crux.score.Verdict;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The contested-claims ranking, read from claim_score: two queries whatever the page size. */
public final class Contested {

    /**
     * One ranked claim with both sides' strongest document; {@code hidden}: blind rating hides its verdict and
     * weights from the viewer ({@link #seenBy}), decided once per row here rather than by the template.
     */
    public record Row(long id, String slug, String statement, Verdict verdict, BigDecimal contestedness, BigDecimal supportWeight,
            BigDecimal conflictWeight, int supportCount, int conflictCount, Side strongestSupport, Side strongestConflict,
            boolean hidden) {
        public int meterPercent() {
            return contestedness.multiply(BigDecimal.valueOf(100)).intValue();
        }

        private Row hiding() {
            return new Row(id, slug, statement, verdict, contestedness, supportWeight, conflictWeight, supportCount, conflictCount,
                    strongestSupport, strongestConflict, true);
        }
    }

    public record Side(String documentSlug, String documentTitle, BigDecimal weight) {
    }

    /** The claim's row of the ranking, before its sides are known. */
    private record Ranked(long id, String slug, String statement, Verdict verdict, BigDecimal contestedness,
            BigDecimal supportWeight, BigDecimal conflictWeight, int supportCount, int conflictCount) {
        Row with(Side support, Side conflict) {
            return new Row(id, slug, statement, verdict, contestedness, supportWeight, conflictWeight, supportCount, conflictCount,
                    support, conflict, false);
        }
    }

    /** The heaviest evidence item of one side of a claim, with its document. */
    private record Strongest(long claimId, Stance stance, String documentSlug, String documentTitle, BigDecimal weight) {
        String key() {
            return claimId + "/" + stance;
        }
    }

    private Contested() {
    }

    /**
     * The rows as the current viewer may see them: for a reviewer, the claims they have not fully rated are
     * marked hidden. Asked once per page, not per row from the template: the template's
     * {@code inject:blind} went through the request-scoped bean's proxy for every row.
     */
    public static List<Row> seenBy(List<Row> rows, BlindRating blind) {
        if (!blind.applies()) {
            return rows;
        }
        return rows.stream().map(r -> blind.hidesClaim(r.id()) ? r.hiding() : r).toList();
    }

    public static List<Row> ranked(String tag, int offset, int limit) {
        EntityManager em = Panache.getEntityManager();
        // plain JDBC (Rows.select): Hibernate's native-query machinery cost more CPU than these reads do in PostgreSQL
        List<Ranked> rows = Rows.select(em, Ranked.class, """
                SELECT c.id, c.slug, c.statement, s.verdict, s.contestedness, s.support_weight, s.conflict_weight,
                       s.support_count, s.conflict_count
                FROM claim_score s JOIN claim c ON c.id = s.claim_id
                WHERE c.status = 'PUBLISHED' AND s.rank_score > 0
                  AND (CAST(? AS text) IS NULL OR EXISTS (
                       SELECT 1 FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.claim_id = c.id AND t.slug = ?))
                ORDER BY s.rank_score DESC, s.claim_id
                OFFSET ? LIMIT ?""", tag, tag, offset, limit);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Ranked::id).toList();
        Map<String, Side> strongest = new HashMap<>();
        // one index probe per claim and side (evidence_claim_idx): the top of the ranking holds the claims with the
        // most evidence, and sorting all of it to keep two rows per claim grew with the data
        List<Strongest> sides = Rows.select(em, Strongest.class, """
                SELECT e.claim_id, e.stance, d.slug, d.title, e.weight
                FROM claim c CROSS JOIN (VALUES ('SUPPORTS'), ('CONFLICTS')) AS side(stance)
                CROSS JOIN LATERAL (SELECT x.claim_id, x.stance, x.document_id, x.weight FROM evidence x
                     WHERE x.claim_id = c.id AND x.stance = side.stance AND x.detached_at IS NULL
                     ORDER BY x.weight DESC, x.id LIMIT 1) e
                JOIN document d ON d.id = e.document_id
                WHERE c.id = ANY (?)""", ids);
        for (Strongest side : sides) {
            strongest.put(side.key(), new Side(side.documentSlug(), side.documentTitle(), side.weight()));
        }
        return rows.stream().map(r -> r.with(strongest.get(r.id() + "/" + Stance.SUPPORTS),
                strongest.get(r.id() + "/" + Stance.CONFLICTS))).toList();
    }
}
