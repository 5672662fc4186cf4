package app.crux.disagreement;

import app.crux.evidence.Stance;
import app.crux.Rows;
import app.crux.score.Verdict;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The contested-claims ranking, read from claim_score: two queries whatever the page size. */
public final class Contested {

    /** One ranked claim with both sides' strongest document. */
    public record Row(long id, String slug, String statement, Verdict verdict, BigDecimal contestedness, BigDecimal supportWeight,
            BigDecimal conflictWeight, int supportCount, int conflictCount, Side strongestSupport, Side strongestConflict) {
        public int meterPercent() {
            return contestedness.multiply(BigDecimal.valueOf(100)).intValue();
        }
    }

    public record Side(String documentSlug, String documentTitle, BigDecimal weight) {
    }

    /** The claim's row of the ranking, before its sides are known. */
    private record Ranked(long id, String slug, String statement, Verdict verdict, BigDecimal contestedness,
            BigDecimal supportWeight, BigDecimal conflictWeight, int supportCount, int conflictCount) {
        Row with(Side support, Side conflict) {
            return new Row(id, slug, statement, verdict, contestedness, supportWeight, conflictWeight, supportCount, conflictCount,
                    support, conflict);
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

    public static List<Row> ranked(String tag, int offset, int limit) {
        EntityManager em = Panache.getEntityManager();
        List<Ranked> rows = Rows.list(em.createNativeQuery("""
                SELECT c.id, c.slug, c.statement, s.verdict, s.contestedness, s.support_weight, s.conflict_weight,
                       s.support_count, s.conflict_count
                FROM claim_score s JOIN claim c ON c.id = s.claim_id
                WHERE c.status = 'PUBLISHED' AND s.rank_score > 0
                  AND (CAST(:tag AS text) IS NULL OR EXISTS (
                       SELECT 1 FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.claim_id = c.id AND t.slug = :tag))
                ORDER BY s.rank_score DESC, s.claim_id
                OFFSET :offset LIMIT :limit""")
                .setParameter("tag", tag).setParameter("offset", offset).setParameter("limit", limit), Ranked.class);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Ranked::id).toList();
        Map<String, Side> strongest = new HashMap<>();
        // one index probe per claim and side (evidence_claim_idx): the top of the ranking holds the claims with the
        // most evidence, and sorting all of it to keep two rows per claim grew with the data
        List<Strongest> sides = Rows.list(em.createNativeQuery("""
                SELECT e.claim_id, e.stance, d.slug, d.title, e.weight
                FROM claim c CROSS JOIN (VALUES ('SUPPORTS'), ('CONFLICTS')) AS side(stance)
                CROSS JOIN LATERAL (SELECT x.claim_id, x.stance, x.document_id, x.weight FROM evidence x
                     WHERE x.claim_id = c.id AND x.stance = side.stance AND x.detached_at IS NULL
                     ORDER BY x.weight DESC, x.id LIMIT 1) e
                JOIN document d ON d.id = e.document_id
                WHERE c.id IN (:ids)""").setParameter("ids", ids), Strongest.class);
        for (Strongest side : sides) {
            strongest.put(side.key(), new Side(side.documentSlug(), side.documentTitle(), side.weight()));
        }
        return rows.stream().map(r -> r.with(strongest.get(r.id() + "/" + Stance.SUPPORTS),
                strongest.get(r.id() + "/" + Stance.CONFLICTS))).toList();
    }
}
