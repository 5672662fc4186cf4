package app.crux.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The reconciliation of one evidence item whose ratings split ({@link NeedsDiscussion}). Created
 * when the item is first marked and kept afterwards, so its thread, the agreement at the time and
 * an editor's resolution note outlive the mark.
 */
@Entity
@Table(name = "discussion")
public class Discussion extends PanacheEntityBase {

    public static final int MAX_RESOLUTION = 1000;

    @Id
    @Column(name = "evidence_id")
    public Long evidenceId;

    /** Whether the item needs discussion now; cleared when the ratings converge or an editor resolves it. */
    public boolean open = true;

    @Column(name = "marked_at")
    public Instant markedAt = Instant.now();

    /** The claim's reviewer agreement when the item was first marked; null when it was undefined. */
    @Column(name = "alpha_at_mark")
    public Double alphaAtMark;

    @Column(name = "cleared_at")
    public Instant clearedAt;

    public String resolution;

    @Column(name = "resolved_by")
    public Long resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
