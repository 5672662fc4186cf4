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

    /** The newest events, {@code limit} at a time, older than {@code beforeId} when given (keyset paging). */
    public static List<AuditEvent> latest(Long beforeId, int limit) {
        var query = beforeId == null
                ? find("order by id desc")
                : find("id < ?1 order by id desc", beforeId);
        return query.page(0, limit).list();
    }

    /** Recent curation activity readers may see: documents, claims, evidence (not accounts). */
    public static List<AuditEvent> recentCuration(int limit) {
        return find("entityType in ('document', 'claim', 'evidence') and action <> 'vote.cast' and action <> 'vote.replace' order by id desc")
                .page(0, limit).list();
    }

    public static List<AuditEvent> about(String entityType, long entityId, int limit) {
        return find("entityType = ?1 and entityId = ?2 order by id desc", entityType, entityId).page(0, limit).list();
    }
}
