package app.crux.reading;

import app.crux.Rows;
import app.crux.claim.Claim;
import app.crux.document.Kind;
import app.crux.evidence.Stance;
import app.crux.review.Discussion;
import app.crux.review.Threads;
import app.crux.review.Votes;
import app.crux.score.ClaimScore;
import io.quarkus.hibernate.orm.panache.Panache;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A claim with its score, its evidence on each side (strongest first) and the votes on it; three queries. */
public record ClaimView(Claim claim, ClaimScore score, List<EvidenceItem> supports, List<EvidenceItem> conflicts, Votes.OnClaim votes) {

    /**
     * The claim page's look-up: the claim with its tags, and its score read in the same query, so that
     * {@link #of} finds the score in the session instead of asking again (the claim page stays at four
     * statements with the reader-cache check). Rows repeat per tag; no row limit, so no in-memory paging.
     */
    public static Optional<Claim> bySlugWithScore(String slug) {
        List<Object[]> rows = Panache.getEntityManager().createQuery("select c, s from Claim c left join fetch c.tags"
                + " left join ClaimScore s on s.claimId = c.id where c.slug = :slug", Object[].class)
                .setParameter("slug", slug).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Claim) rows.get(0)[0]);
    }

    /** The claim as its JSON shows it. */
    public static ClaimView of(Claim claim) {
        return of(claim, rows(claim.id));
    }

    /**
     * The claim page's view: the discussions on its items and their resolvers' names come in the evidence's rows,
     * and {@code threads} keeps them for the cards, so the page needs no statement of its own for them.
     */
    public static ClaimView forPage(Claim claim, Threads threads) {
        List<Row> rows = rows(claim.id);
        List<Discussion> discussions = new ArrayList<>();
        Map<Long, String> resolvers = new HashMap<>();
        for (Row row : rows) {
            if (row.discussionOpen() != null) {
                discussions.add(row.discussion());
                if (row.resolvedByName() != null) {
                    resolvers.put(row.id(), row.resolvedByName());
                }
            }
        }
        threads.preload(claim.id, discussions, resolvers);
        return of(claim, rows);
    }

    /**
     * One evidence item with its document, its passage and its discussion, if any, as one row of {@link #rows}
     * (nullable types where an outer join may find nothing).
     */
    public record Row(Long id, Long claimId, Stance stance, BigDecimal weight, Integer voteCount, Integer version, String note,
            String population, String intervention, String comparison, String outcome, String studyType,
            Long documentId, String documentSlug, String documentTitle, Kind documentKind, LocalDate publishedOn, String url,
            Long excerptId, Integer start, Integer end, String exact, String prefix, String suffix, Boolean orphaned,
            Boolean changed, Instant retiredAt,
            Boolean discussionOpen, Instant markedAt, Double alphaAtMark, String resolution, Long resolvedBy, Instant resolvedAt,
            String resolvedByName) {

        EvidenceItem item() {
            return new EvidenceItem(id, claimId, stance, weight, voteCount, version, note, population, intervention, comparison,
                    outcome, studyType, new EvidenceItem.Source(documentId, documentSlug, documentTitle, documentKind, publishedOn, url),
                    excerptId == null ? null
                            : new EvidenceItem.Passage(excerptId, start, end, exact, prefix, suffix, orphaned, changed, retiredAt != null));
        }

        /** The discussion as read, for the cards' threads; not a managed entity. */
        Discussion discussion() {
            Discussion d = new Discussion();
            d.evidenceId = id;
            d.open = discussionOpen;
            d.markedAt = markedAt;
            d.alphaAtMark = alphaAtMark;
            d.resolution = resolution;
            d.resolvedBy = resolvedBy;
            d.resolvedAt = resolvedAt;
            return d;
        }
    }

    /**
     * The claim's attached items, strongest first, in one query: columns, not entities, read with plain JDBC
     * ({@code Rows.select}; through Hibernate's query machinery building these rows cost more CPU than reading them).
     * Detached items are left out here: Evidence's {@code @SQLRestriction} does not reach SQL.
     */
    private static List<Row> rows(long claimId) {
        return Rows.select(Panache.getEntityManager(), Row.class, """
                SELECT e.id, e.claim_id, e.stance, e.weight, e.vote_count, e.version, e.note,
                       e.population, e.intervention, e.comparison, e.outcome, e.study_type,
                       doc.id, doc.slug, doc.title, doc.kind, doc.published_on, doc.url,
                       x.id, x.start_offset, x.end_offset, x.exact, x.prefix, x.suffix, x.orphaned, x.changed, x.retired_at,
                       d.open, d.marked_at, d.alpha_at_mark, d.resolution, d.resolved_by, d.resolved_at, u.display_name
                FROM evidence e JOIN document doc ON doc.id = e.document_id LEFT JOIN excerpt x ON x.id = e.excerpt_id
                LEFT JOIN discussion d ON d.evidence_id = e.id LEFT JOIN app_user u ON u.id = d.resolved_by
                WHERE e.claim_id = ? AND e.detached_at IS NULL ORDER BY e.weight DESC, e.id""", claimId);
    }

    private static ClaimView of(Claim claim, List<Row> rows) {
        ClaimScore score = ClaimScore.findById(claim.id);
        if (score == null) {
            score = new ClaimScore();
        }
        List<EvidenceItem> supports = new ArrayList<>();
        List<EvidenceItem> conflicts = new ArrayList<>();
        for (Row row : rows) {
            (row.stance() == Stance.SUPPORTS ? supports : conflicts).add(row.item());
        }
        return new ClaimView(claim, score, supports, conflicts, Votes.onClaim(claim.id));
    }

    public String tagText() {
        return String.join(", ", claim.tagNames());
    }
}
