package app.crux.disagreement;

import app.crux.score.Verdict;
import io.quarkus.arc.Arc;
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

    private Contested() {
    }

    @SuppressWarnings("unchecked")
    public static List<Row> ranked(String tag, int offset, int limit) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.id, c.slug, c.statement, s.verdict, s.contestedness, s.support_weight, s.conflict_weight,
                       s.support_count, s.conflict_count
                FROM claim_score s JOIN claim c ON c.id = s.claim_id
                WHERE c.status = 'PUBLISHED' AND s.rank_score > 0
                  AND (CAST(:tag AS text) IS NULL OR EXISTS (
                       SELECT 1 FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.claim_id = c.id AND t.slug = :tag))
                ORDER BY s.rank_score DESC, s.claim_id
                OFFSET :offset LIMIT :limit""")
                .setParameter("tag", tag).setParameter("offset", offset).setParameter("limit", limit).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
        Map<String, Side> strongest = new HashMap<>();
        List<Object[]> sides = em.createNativeQuery("""
                SELECT DISTINCT ON (e.claim_id, e.stance) e.claim_id, e.stance, d.slug, d.title, e.weight
                FROM evidence e JOIN document d ON d.id = e.document_id
                WHERE e.claim_id IN (:ids)
                ORDER BY e.claim_id, e.stance, e.weight DESC, e.id""").setParameter("ids", ids).getResultList();
        for (Object[] side : sides) {
            strongest.put(side[0] + "/" + side[1], new Side((String) side[2], (String) side[3], (BigDecimal) side[4]));
        }
        return rows.stream().map(r -> new Row(((Number) r[0]).longValue(), (String) r[1], (String) r[2], Verdict.valueOf((String) r[3]),
                (BigDecimal) r[4], (BigDecimal) r[5], (BigDecimal) r[6], ((Number) r[7]).intValue(), ((Number) r[8]).intValue(),
                strongest.get(r[0] + "/SUPPORTS"), strongest.get(r[0] + "/CONFLICTS"))).toList();
    }

    public static long count(String tag) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        return ((Number) em.createNativeQuery("""
                SELECT count(*) FROM claim_score s JOIN claim c ON c.id = s.claim_id
                WHERE c.status = 'PUBLISHED' AND s.rank_score > 0
                  AND (CAST(:tag AS text) IS NULL OR EXISTS (
                       SELECT 1 FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.claim_id = c.id AND t.slug = :tag))""")
                .setParameter("tag", tag).getSingleResult()).longValue();
    }
}
