package app.crux.audit;

import app.crux.Rows;
import app.crux.web.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;

/**
 * Appends one audit event per write. MANDATORY: it joins the caller's
 * transaction, so the event and the change it describes commit or roll back together.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditLog {

    public static final String SYSTEM = "system";

    @Inject
    CurrentUser currentUser;

    @Inject
    BeanManager beans;

    @Inject
    EntityManager em;

    /**
     * Jackson as Hibernate maps {@link AuditEvent}'s JSON columns (its default format mapper, since
     * quarkus.hibernate-orm.mapping.format.global=ignore): the row written here reads back the same.
     */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private static final String INSERT = """
            INSERT INTO audit_event (occurred_at, actor_id, actor_name, action, entity_type, entity_id, summary, before, after)
            VALUES (?, CAST(? AS bigint), ?, ?, ?, CAST(? AS bigint), ?, CAST(? AS jsonb), CAST(? AS jsonb))""";

    /**
     * One event, written at once with plain JDBC in the caller's transaction. Persisting an
     * {@link AuditEvent} entity was a sixth of a vote's CPU (the JSON maps copied through Jackson for
     * dirty checking, the identity insert's bookkeeping), for a row nothing reads back in the same
     * transaction as an entity.
     */
    public void record(String action, String entityType, Long entityId, String summary,
            Map<String, Object> before, Map<String, Object> after) {
        Long actorId = null;
        String actorName = SYSTEM;
        if (inRequest() && currentUser.loggedIn()) {
            actorId = currentUser.id();
            actorName = currentUser.username();
        }
        Rows.execute(em, INSERT, Instant.now(), actorId, actorName, action, entityType, entityId, summary, json(before), json(after));
    }

    private static String json(Map<String, Object> value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An audit event's state cannot be written as JSON", e);
        }
    }

    /** Start-up work (the first admin, the demo corpus) writes outside any request: its events are the system's. */
    private boolean inRequest() {
        try {
            return beans.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }
}
