package app.crux.review;

import app.crux.audit.AuditEvent;
import app.crux.web.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * The audit history as the current user may read it: blind rating hides others' rating events
 * on items a reviewer has not rated, so a page may need more events than it shows. Events are
 * read newest first in batches until the page is full (or a bound is reached).
 */
@RequestScoped
public class VisibleHistory {

    /** Events shown and the keyset cursor of the next page (null on the last). */
    public record Page(List<AuditEvent> events, Long nextBefore) {
    }

    static final int MAX_BATCHES = 20;

    @Inject
    CurrentUser currentUser;

    @Inject
    BlindRating blind;

    /** @param before the id the page starts below, or null for the newest */
    public Page page(Long before, int size) {
        int batchSize = 2 * size;
        List<AuditEvent> shown = new ArrayList<>();
        Long cursor = before;
        for (int batch = 0; batch < MAX_BATCHES && shown.size() <= size; batch++) {
            List<AuditEvent> events = AuditEvent.latest(cursor, batchSize, currentUser.seesUnpublishedClaims());
            events.stream().filter(blind::maySee).forEach(shown::add);
            if (events.size() < batchSize) {
                cursor = null;
                break;
            }
            cursor = events.get(events.size() - 1).id;
        }
        Long nextBefore = shown.size() > size ? shown.get(size - 1).id : cursor;
        return new Page(shown.subList(0, Math.min(shown.size(), size)), nextBefore);
    }
}
