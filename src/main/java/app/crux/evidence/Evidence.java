package app.crux.evidence;

import app.crux.claim.Claim;
import app.crux.document.Document;
import app.crux.document.Excerpt;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A document (usually one passage of it) bearing on a claim, for or against. A detached item keeps its
 * row and votes until an editor restores it; every query through this entity leaves it out (the SQL
 * restriction), native reads say {@code detached_at IS NULL} themselves, and {@link #includingDetached}
 * and {@link #detachedFrom} are the only ways to load one.
 */
@Entity
@Table(name = "evidence")
@SQLRestriction("detached_at IS NULL")
public class Evidence extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_id")
    public Claim claim;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "document_id")
    public Document document;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "excerpt_id")
    public Excerpt excerpt;

    @Enumerated(EnumType.STRING)
    public Stance stance;

    public String note;
    public String population;
    public String intervention;
    public String comparison;
    public String outcome;

    @Column(name = "study_type")
    public String studyType;

    /** Kept in step with the votes by the write path: mean strength 1..4, 0 when a majority disputes the stance. */
    public BigDecimal weight = BigDecimal.ONE;

    @Column(name = "vote_count")
    public int voteCount;

    @Column(name = "dispute_count")
    public int disputeCount;

    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    /** Raised by every edit, detach and restore: an edit based on an older version is refused; the API's ETag. */
    public int version = 1;

    @Column(name = "detached_at")
    public Instant detachedAt;

    @Column(name = "detached_by")
    public Long detachedBy;

    public static boolean exists(long claimId, Long excerptId, long documentId) {
        return excerptId == null
                ? count("claim.id = ?1 and document.id = ?2 and excerpt is null", claimId, documentId) > 0
                : count("claim.id = ?1 and excerpt.id = ?2", claimId, excerptId) > 0;
    }

    /** The item with this id, detached or not (null when there is none): editors read and restore detached ones. */
    @SuppressWarnings("unchecked")
    public static Evidence includingDetached(long id) {
        List<Evidence> found = getEntityManager().createNativeQuery("SELECT * FROM evidence WHERE id = :id", Evidence.class)
                .setParameter("id", id).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** A claim's detached items, most recently detached first (the claim page's list for editors). */
    @SuppressWarnings("unchecked")
    public static List<Evidence> detachedFrom(long claimId) {
        return getEntityManager().createNativeQuery(
                "SELECT * FROM evidence WHERE claim_id = :claim AND detached_at IS NOT NULL ORDER BY detached_at DESC, id",
                Evidence.class).setParameter("claim", claimId).getResultList();
    }

    /**
     * The detached item of this claim that quotes the same passage, if any: the unique keys still hold it, so
     * attaching the passage again means restoring that item.
     */
    public static Long detachedTwin(long claimId, Long excerptId, long documentId) {
        List<?> found = getEntityManager().createNativeQuery("""
                SELECT e.id FROM evidence e
                WHERE e.claim_id = :claim AND e.document_id = :document AND e.detached_at IS NOT NULL
                  AND (CASE WHEN CAST(:excerpt AS bigint) IS NULL THEN e.excerpt_id IS NULL
                       ELSE EXISTS (SELECT 1 FROM excerpt x JOIN excerpt n ON n.id = CAST(:excerpt AS bigint)
                                    WHERE x.id = e.excerpt_id AND x.revision = n.revision
                                      AND x.start_offset = n.start_offset AND x.end_offset = n.end_offset) END)""")
                .setParameter("claim", claimId).setParameter("excerpt", excerptId).setParameter("document", documentId)
                .setMaxResults(1).getResultList();
        return found.isEmpty() ? null : ((Number) found.get(0)).longValue();
    }

    public boolean detached() {
        return detachedAt != null;
    }
}
