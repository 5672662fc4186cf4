package app.crux.audit;

import app.crux.web.CurrentUser;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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

    public AuditEvent record(String action, String entityType, Long entityId, String summary,
            Map<String, Object> before, Map<String, Object> after) {
        AuditEvent event = new AuditEvent();
        boolean inRequest = Arc.container().requestContext().isActive();
        if (inRequest && currentUser.loggedIn()) {
            event.actorId = currentUser.id();
            event.actorName = currentUser.username();
        } else {
            event.actorName = SYSTEM;
        }
        event.action = action;
        event.entityType = entityType;
        event.entityId = entityId;
        event.summary = summary;
        event.before = before;
        event.after = after;
        event.persist();
        return event;
    }
}
