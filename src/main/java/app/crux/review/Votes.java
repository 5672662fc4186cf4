package app.crux.review;

import app.crux.Rows;
import app.crux.score.Strength;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** Read-side questions about votes, each one query. */
public final class Votes {

    /** One vote with the reviewer's name, for pages and the API. */
    public record Row(long evidenceId, long reviewerId, String reviewer, Strength strength, boolean disputesStance,
            String rationale) {
    }

    /** How many votes each strength got, HIGH first, and how many disputed the stance. */
    public record Tally(int high, int moderate, int low, int veryLow, int disputes) {
        public int total() {
            return high + moderate + low + veryLow;
        }

        public int count(Strength strength) {
            return switch (strength) {
                case HIGH -> high;
                case MODERATE -> moderate;
                case LOW -> low;
                case VERY_LOW -> veryLow;
            };
        }

        /** Share of the votes at {@code strength}, 0..100, for the inline bar. */
        public int percent(Strength strength) {
            return total() == 0 ? 0 : Math.round(100f * count(strength) / total());
        }

        /** Where {@code strength}'s segment starts in the bar, 0..100 (HIGH first). */
        public int offset(Strength strength) {
            int before = 0;
            for (Strength s : Strength.values()) {
                if (s == strength) {
                    break;
                }
                before += count(s);
            }
            return total() == 0 ? 0 : Math.round(100f * before / total());
        }

        public String summary() {
            return total() == 0 ? "no ratings yet" : high + " high, " + moderate + " moderate, " + low + " low, " + veryLow
                    + " very low" + (disputes > 0 ? "; " + disputes + " dispute the stance" : "");
        }

        static Tally of(List<Row> rows) {
            int[] counts = new int[4];
            int disputes = 0;
            for (Row row : rows) {
                counts[4 - row.strength().score]++;
                disputes += row.disputesStance() ? 1 : 0;
            }
            return new Tally(counts[0], counts[1], counts[2], counts[3], disputes);
        }
    }

    /** A claim's votes, grouped for its page: tallies per item and the reviewers' agreement. */
    public record OnClaim(Map<Long, List<Row>> byEvidence, OptionalDouble alpha, int raters) {
        public Tally tally(long evidenceId) {
            return Tally.of(byEvidence.getOrDefault(evidenceId, List.of()));
        }

        public List<Row> rows(long evidenceId) {
            return byEvidence.getOrDefault(evidenceId, List.of());
        }

        /** The vote {@code reviewerId} cast on the item, or null: rating forms start from it. */
        public Row mineRow(long evidenceId, Long reviewerId) {
            return reviewerId == null ? null : rows(evidenceId).stream().filter(r -> r.reviewerId() == reviewerId)
                    .findFirst().orElse(null);
        }

        public boolean agreementKnown() {
            return alpha.isPresent();
        }

        public String agreement() {
            return alpha.isPresent() ? String.format(java.util.Locale.ROOT, "%.2f", alpha.getAsDouble()) : "";
        }
    }

    private Votes() {
    }

    private static final String SELECT = "SELECT v.evidence_id, v.reviewer_id, u.display_name, v.strength, v.disputes_stance, v.rationale"
            + " FROM vote v JOIN app_user u ON u.id = v.reviewer_id ";

    public static List<Row> onEvidence(long evidenceId) {
        return rows(SELECT + "WHERE v.evidence_id = ? ORDER BY v.updated_at", evidenceId);
    }

    public static OnClaim onClaim(long claimId) {
        List<Row> rows = rows(SELECT + "JOIN evidence e ON e.id = v.evidence_id WHERE e.claim_id = ? AND e.detached_at IS NULL ORDER BY v.updated_at", claimId);
        Map<Long, List<Row>> byEvidence = rows.stream().collect(Collectors.groupingBy(Row::evidenceId, LinkedHashMap::new,
                Collectors.toList()));
        List<List<Integer>> units = byEvidence.values().stream()
                .map(list -> list.stream().map(r -> r.strength().score).toList()).toList();
        int raters = (int) rows.stream().map(Row::reviewerId).distinct().count();
        return new OnClaim(byEvidence, Agreement.ordinalAlpha(units), raters);
    }

    /** Plain JDBC ({@code Rows.select}): the claim page reads every vote on the claim, and Hibernate's row machinery cost more than the read. */
    private static List<Row> rows(String sql, long id) {
        return Rows.select(Panache.getEntityManager(), Row.class, sql, id);
    }

    /** One item a reviewer rated, beside how everyone rated it. */
    public record Rated(long evidenceId, String claimSlug, String claim, String document, Strength strength, boolean disputes,
            String rationale, Strength majority, int votes) {
        public boolean withMajority() {
            return majority == strength;
        }
    }

    /**
     * Every rating of a reviewer, newest first, with the item's majority strength (the single most
     * frequent among all its votes; none on a tie) and vote count.
     *
     * @param unpublished whether to include items of draft and retracted claims (for editors)
     */
    public static List<Rated> byReviewer(long reviewerId, boolean unpublished) {
        EntityManager em = Panache.getEntityManager();
        return Rows.list(em.createNativeQuery(BY_REVIEWER).setParameter("r", reviewerId).setParameter("unpublished", unpublished),
                Rated.class);
    }

    private static final String BY_REVIEWER = """
            WITH mine AS (
                SELECT v.evidence_id, v.strength, v.disputes_stance, v.rationale, v.updated_at FROM vote v WHERE v.reviewer_id = :r),
            counts AS (
                SELECT v.evidence_id, v.strength, count(*) AS n FROM vote v JOIN mine m ON m.evidence_id = v.evidence_id
                GROUP BY v.evidence_id, v.strength),
            ranked AS (
                SELECT evidence_id, strength, n, rank() OVER (PARTITION BY evidence_id ORDER BY n DESC) AS place,
                       count(*) OVER (PARTITION BY evidence_id, n) AS tied, sum(n) OVER (PARTITION BY evidence_id) AS total
                FROM counts)
            SELECT m.evidence_id, c.slug, c.statement, d.title, m.strength, m.disputes_stance, m.rationale,
                   (SELECT r.strength FROM ranked r WHERE r.evidence_id = m.evidence_id AND r.place = 1 AND r.tied = 1),
                   (SELECT max(r.total) FROM ranked r WHERE r.evidence_id = m.evidence_id)
            FROM mine m JOIN evidence e ON e.id = m.evidence_id JOIN claim c ON c.id = e.claim_id JOIN document d ON d.id = e.document_id
            WHERE e.detached_at IS NULL AND (c.status = 'PUBLISHED' OR CAST(:unpublished AS boolean))
            ORDER BY m.updated_at DESC""";

    public static List<Strength> scale() {
        return Arrays.asList(Strength.values());
    }
}
