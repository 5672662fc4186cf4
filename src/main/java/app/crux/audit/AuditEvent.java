package app.crux.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Who did what, when, with the state before and after. Written by {@link AuditLog} only. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at")
    public Instant occurredAt = Instant.now();

    @Column(name = "actor_id")
    public Long actorId;

    @Column(name = "actor_name")
    public String actorName;

    public String action;

    @Column(name = "entity_type")
    public String entityType;

    @Column(name = "entity_id")
    public Long entityId;

    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> before;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> after;

    /**
     * Events a reader may see: not about a claim or its evidence, or about a claim readers see —
     * published, or merged into a published one (the rule of claim.ClaimVisibility, in SQL).
     * Evidence an event names may be gone (a merge deletes duplicates): its claim is then read
     * from the event itself, and an event whose claim cannot be found stays hidden.
     */
    public static final String READER_MAY_SEE = """
            (a.entity_type NOT IN ('claim', 'evidence') OR EXISTS (
                SELECT 1 FROM claim c LEFT JOIN claim t ON t.id = c.merged_into_id
                WHERE c.id = CASE WHEN a.entity_type = 'claim' THEN a.entity_id
                                  ELSE coalesce((SELECT e.claim_id FROM evidence e WHERE e.id = a.entity_id),
                                                CAST(a.after ->> 'claimId' AS bigint), CAST(a.before ->> 'claimId' AS bigint)) END
                  AND (c.status = 'PUBLISHED' OR (c.status = 'MERGED' AND t.status = 'PUBLISHED'))))""";

    /** Recent curation activity: documents, claims, evidence (not accounts, not votes, not discussions of ratings, which blind rating may hide); {@code allClaims} false leaves out events about claims readers do not see. */
    @SuppressWarnings("unchecked")
    public static List<AuditEvent> recentCuration(int limit, boolean allClaims) {
        // the WHERE repeats audit_event_curation_idx's predicate word for word, so PostgreSQL can use that index (V8)
        return getEntityManager().createNativeQuery("""
                        SELECT a.* FROM audit_event a
                        WHERE a.entity_type IN ('document', 'claim', 'evidence') AND a.action NOT LIKE 'vote.%' AND a.action NOT LIKE 'discussion.%'"""
                        + (allClaims ? "" : " AND " + READER_MAY_SEE) + " ORDER BY a.id DESC LIMIT :limit", AuditEvent.class)
                .setParameter("limit", limit).getResultList();
    }

    /** The latest {@code action} on one entity, e.g. the retraction a claim's banner names. */
    public static java.util.Optional<AuditEvent> last(String entityType, long entityId, String action) {
        return find("entityType = ?1 and entityId = ?2 and action = ?3 order by id desc", entityType, entityId, action)
                .firstResultOptional();
    }
}
