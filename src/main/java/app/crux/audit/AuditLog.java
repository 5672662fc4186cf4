package app.crux.audit;

import app.crux.web.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
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

    @Inject
    BeanManager beans;

    public AuditEvent record(String action, String entityType, Long entityId, String summary,
            Map<String, Object> before, Map<String, Object> after) {
        AuditEvent event = new AuditEvent();
        if (inRequest() && currentUser.loggedIn()) {
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

    /** Start-up work (the first admin, the demo corpus) writes outside any request: its events are the system's. */
    private boolean inRequest() {
        try {
            return beans.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }
}
