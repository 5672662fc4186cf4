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

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A document (usually one passage of it) bearing on a claim, for or against. */
@Entity
@Table(name = "evidence")
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

    /** A claim's evidence with its documents and passages, strongest first, in one query. */
    public static List<Evidence> forClaim(long claimId) {
        return list("from Evidence e join fetch e.document left join fetch e.excerpt where e.claim.id = ?1"
                + " order by e.weight desc, e.id", claimId);
    }

    /** The evidence drawn from one document, with claims and passages, in one query. */
    public static List<Evidence> fromDocument(long documentId) {
        return list("from Evidence e join fetch e.claim left join fetch e.excerpt where e.document.id = ?1 order by e.id", documentId);
    }

    public static boolean exists(long claimId, Long excerptId, long documentId) {
        return excerptId == null
                ? count("claim.id = ?1 and document.id = ?2 and excerpt is null", claimId, documentId) > 0
                : count("claim.id = ?1 and excerpt.id = ?2", claimId, excerptId) > 0;
    }
}
