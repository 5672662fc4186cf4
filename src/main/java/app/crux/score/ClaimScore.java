package app.crux.score;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** A claim's aggregates, kept current by {@link ScoreKeeper} in the same transaction as each write. */
@Entity
@Table(name = "claim_score")
public class ClaimScore extends PanacheEntityBase {

    @Id
    @Column(name = "claim_id")
    public Long claimId;

    @Column(name = "support_weight")
    public BigDecimal supportWeight = BigDecimal.ZERO;

    @Column(name = "conflict_weight")
    public BigDecimal conflictWeight = BigDecimal.ZERO;

    @Column(name = "support_count")
    public int supportCount;

    @Column(name = "conflict_count")
    public int conflictCount;

    @Column(name = "vote_count")
    public int voteCount;

    public BigDecimal contestedness = BigDecimal.ZERO;

    @Column(name = "rank_score")
    public BigDecimal rankScore = BigDecimal.ZERO;

    @Enumerated(EnumType.STRING)
    public Verdict verdict = Verdict.UNREVIEWED;

    @Column(name = "last_activity_at")
    public Instant lastActivityAt = Instant.now();
}
