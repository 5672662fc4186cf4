package app.crux.exchange;

import app.crux.claim.ClaimStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The read models of annotations, feeds and CSV downloads: native rows mapped to records, no SQL elsewhere. */
@ApplicationScoped
@SuppressWarnings("unchecked")
public class ExchangeRows {

    @Inject
    EntityManager em;

    /** One evidence item on a passage: what a Web Annotation carries. */
    public record PassageRow(long evidenceId, String stance, Instant created, String claimSlug, String statement,
            long documentId, String documentSlug, String documentUrl, int start, int end, String exact, String prefix,
            String suffix) {
    }

    private static final String PASSAGES = """
            SELECT e.id, e.stance, e.created_at, c.slug, c.statement, d.id, d.slug, d.url, x.start_offset, x.end_offset,
                   x.exact, x.prefix, x.suffix
            FROM evidence e JOIN claim c ON c.id = e.claim_id JOIN excerpt x ON x.id = e.excerpt_id
                 JOIN document d ON d.id = e.document_id
            WHERE %s AND c.status IN (:statuses) AND e.detached_at IS NULL AND NOT x.orphaned AND x.revision = d.current_revision
            """;

    public List<PassageRow> passages(Long documentId, Long claimId, List<ClaimStatus> statuses, int offset, int limit) {
        List<Object[]> rows = em.createNativeQuery(PASSAGES.formatted(filter(documentId))
                        + " ORDER BY x.start_offset, e.id OFFSET :offset LIMIT :limit")
                .setParameter("id", documentId != null ? documentId : claimId)
                .setParameter("statuses", statuses.stream().map(Enum::name).toList())
                .setParameter("offset", offset).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new PassageRow(n(r[0]), (String) r[1], instant(r[2]), (String) r[3], (String) r[4],
                n(r[5]), (String) r[6], (String) r[7], (int) n(r[8]), (int) n(r[9]), (String) r[10], (String) r[11],
                (String) r[12])).toList();
    }

    public long countPassages(Long documentId, Long claimId, List<ClaimStatus> statuses) {
        return n(em.createNativeQuery("SELECT count(*) FROM (" + PASSAGES.formatted(filter(documentId)) + ") p")
                .setParameter("id", documentId != null ? documentId : claimId)
                .setParameter("statuses", statuses.stream().map(Enum::name).toList()).getSingleResult());
    }

    private static String filter(Long documentId) {
        return documentId != null ? "d.id = :id" : "c.id = :id";
    }

    /** A published claim for a feed or a download, with its aggregates. */
    public record ClaimRow(long id, String slug, String statement, String verdict, BigDecimal supportWeight,
            BigDecimal conflictWeight, int supportCount, int conflictCount, int voteCount, BigDecimal contestedness,
            Instant lastActivity, Instant created, String tags) {
    }

    private static final String CLAIMS = """
            SELECT c.id, c.slug, c.statement, s.verdict, s.support_weight, s.conflict_weight, s.support_count, s.conflict_count,
                   s.vote_count, s.contestedness, s.last_activity_at, c.created_at,
                   (SELECT string_agg(t.slug, ' ' ORDER BY t.slug) FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id
                    WHERE ct.claim_id = c.id) AS tags
            FROM claim c JOIN claim_score s ON s.claim_id = c.id
            WHERE c.status = 'PUBLISHED'
            """;

    /** Newly contested: published claims with weight on both sides, the latest activity first; optionally one tag's. */
    public List<ClaimRow> newlyContested(String tag, int limit) {
        return claims(em.createNativeQuery(CLAIMS + """
                  AND s.rank_score > 0 AND (CAST(:tag AS text) IS NULL OR EXISTS (SELECT 1 FROM claim_tag ct
                      JOIN tag t ON t.id = ct.tag_id WHERE ct.claim_id = c.id AND t.slug = :tag))
                ORDER BY s.last_activity_at DESC, c.id DESC LIMIT :limit""").setParameter("tag", tag)
                .setParameter("limit", limit).getResultList());
    }

    /** Published claims matching a search, best match first (the claim statement's full-text index). */
    public List<ClaimRow> matching(String q, int limit) {
        return claims(em.createNativeQuery(CLAIMS + """
                  AND c.search @@ websearch_to_tsquery('english', :q)
                ORDER BY ts_rank(c.search, websearch_to_tsquery('english', :q)) DESC, c.id LIMIT :limit""")
                .setParameter("q", q).setParameter("limit", limit).getResultList());
    }

    /** Published claims by id, a page at a time (keyset): the CSV download and the ClaimReview feed. */
    public List<ClaimRow> published(long after, int limit, boolean reviewedOnly) {
        return claims(em.createNativeQuery(CLAIMS + (reviewedOnly ? " AND s.verdict <> 'UNREVIEWED'" : "")
                + " AND c.id > :after ORDER BY c.id LIMIT :limit").setParameter("after", after)
                .setParameter("limit", limit).getResultList());
    }

    public long countPublished(boolean reviewedOnly) {
        return n(em.createNativeQuery("SELECT count(*) FROM (" + CLAIMS + (reviewedOnly ? " AND s.verdict <> 'UNREVIEWED'" : "")
                + ") x").getSingleResult());
    }

    public List<ClaimRow> publishedPage(int offset, int limit, boolean reviewedOnly) {
        return claims(em.createNativeQuery(CLAIMS + (reviewedOnly ? " AND s.verdict <> 'UNREVIEWED'" : "")
                + " ORDER BY c.id OFFSET :offset LIMIT :limit").setParameter("offset", offset)
                .setParameter("limit", limit).getResultList());
    }

    private static List<ClaimRow> claims(List<Object[]> rows) {
        return rows.stream().map(r -> new ClaimRow(n(r[0]), (String) r[1], (String) r[2], (String) r[3], (BigDecimal) r[4],
                (BigDecimal) r[5], (int) n(r[6]), (int) n(r[7]), (int) n(r[8]), (BigDecimal) r[9], instant(r[10]),
                instant(r[11]), (String) r[12])).toList();
    }

    /** An evidence item of a published claim with its vote tally. */
    public record EvidenceRow(long id, String claimSlug, String statement, String stance, String documentSlug,
            String documentTitle, String exact, BigDecimal weight, int high, int moderate, int low, int veryLow,
            int disputes, String population, String studyType) {
    }

    public List<EvidenceRow> evidence(long after, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.id, c.slug, c.statement, e.stance, d.slug, d.title, x.exact, e.weight,
                       count(v.reviewer_id) FILTER (WHERE v.strength = 'HIGH'),
                       count(v.reviewer_id) FILTER (WHERE v.strength = 'MODERATE'),
                       count(v.reviewer_id) FILTER (WHERE v.strength = 'LOW'),
                       count(v.reviewer_id) FILTER (WHERE v.strength = 'VERY_LOW'),
                       count(v.reviewer_id) FILTER (WHERE v.disputes_stance), e.population, e.study_type
                FROM evidence e JOIN claim c ON c.id = e.claim_id JOIN document d ON d.id = e.document_id
                     LEFT JOIN excerpt x ON x.id = e.excerpt_id LEFT JOIN vote v ON v.evidence_id = e.id
                WHERE c.status = 'PUBLISHED' AND e.detached_at IS NULL AND e.id > :after
                GROUP BY e.id, c.slug, c.statement, d.slug, d.title, x.exact ORDER BY e.id LIMIT :limit""")
                .setParameter("after", after).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new EvidenceRow(n(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], (BigDecimal) r[7], (int) n(r[8]), (int) n(r[9]), (int) n(r[10]),
                (int) n(r[11]), (int) n(r[12]), (String) r[13], (String) r[14])).toList();
    }

    /** One reviewer's rating of an item (per-reviewer rows; the caller applies the blind-rating rule). */
    public record VoteRow(long evidenceId, String reviewer, String strength, boolean disputesStance, String rationale) {
    }

    public List<VoteRow> votes(List<Long> evidenceIds) {
        if (evidenceIds.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT v.evidence_id, u.username, v.strength, v.disputes_stance, v.rationale
                FROM vote v JOIN app_user u ON u.id = v.reviewer_id WHERE v.evidence_id IN (:ids)
                ORDER BY v.evidence_id, u.username""").setParameter("ids", evidenceIds).getResultList();
        return rows.stream().map(r -> new VoteRow(n(r[0]), (String) r[1], (String) r[2], (Boolean) r[3], (String) r[4]))
                .toList();
    }

    public boolean tagExists(String slug) {
        return n(em.createNativeQuery("SELECT count(*) FROM tag WHERE slug = :s").setParameter("s", slug).getSingleResult()) > 0;
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("not a time: " + value.getClass());
    }
}
