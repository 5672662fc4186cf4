package app.crux.claim;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Optional;

/**
 * What one merge moved (V6 claim_merge), so that undoing it puts back exactly that: the evidence
 * items by id, the votes copied onto kept items, the merged claim's status and the target's tags.
 */
@Entity
@Table(name = "claim_merge")
public class ClaimMerge extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "from_claim_id")
    public long fromClaimId;

    @Column(name = "into_claim_id")
    public long intoClaimId;

    @Column(name = "merged_by")
    public Long mergedBy;

    /** The merge transaction's now(), read back from the database: rows it touched carry it as updated_at. */
    @Generated
    @Column(name = "merged_at", insertable = false, updatable = false)
    public Instant mergedAt;

    @Column(name = "from_status")
    public String fromStatus;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "into_tag_ids")
    public Long[] intoTagIds;

    @Column(name = "from_version")
    public int fromVersion;

    @Column(name = "into_version")
    public int intoVersion;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "moved_ids")
    public Long[] movedIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "swapped_ids")
    public Long[] swappedIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "parked_ids")
    public Long[] parkedIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "kept_back_ids")
    public Long[] keptBackIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "copied_vote_evidence_ids")
    public Long[] copiedVoteEvidenceIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "copied_vote_reviewer_ids")
    public Long[] copiedVoteReviewerIds;

    @Column(name = "vote_count")
    public int voteCount;

    @Column(name = "undone_at")
    public Instant undoneAt;

    @Column(name = "undone_by")
    public Long undoneBy;

    /** The merge that made this claim MERGED, if it was recorded (merges from before V6 were not). */
    public static Optional<ClaimMerge> activeFrom(long fromClaimId) {
        return find("fromClaimId = ?1 and undoneAt is null", fromClaimId).firstResultOptional();
    }

    /** Every evidence item the merge moved or left in place: what must be unchanged for an undo. */
    public Long[] involvedEvidence() {
        return java.util.stream.Stream.of(movedIds, swappedIds, parkedIds, keptBackIds).flatMap(java.util.Arrays::stream)
                .toArray(Long[]::new);
    }
}
