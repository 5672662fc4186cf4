package app.crux.document;

import app.crux.audit.AuditLog;
import app.crux.document.anchoring.Passage;
import app.crux.document.anchoring.Passages;
import app.crux.document.anchoring.TextAnchor;
import app.crux.web.BadInput;
import app.crux.web.Conflict;
import app.crux.web.CurrentUser;
import app.crux.web.Formats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolving the passages re-anchoring flagged (orphaned or changed): re-select the passage in the
 * current text, accept the changed wording, or retire the passage. Each clears the flag and writes
 * one audit event ({@code passage.reselect}, {@code passage.accept}, {@code passage.retire}).
 */
@ApplicationScoped
@Transactional
public class PassageResolution {

    /** Longer than any passage worth quoting; refused before searching the text for it. */
    static final int MAX_QUOTE = 10_000;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    Event<PassageRetired> retired;

    /** Points the passage at {@code passage}, located in the document's current text. */
    public Excerpt reselect(long documentId, long excerptId, Integer revision, Passage passage) {
        Excerpt excerpt = flagged(documentId, excerptId, revision);
        if (passage == null || !passage.given()) {
            throw new BadInput("Say which words: select them in the text, or paste them exactly as the current text has them.");
        }
        if (passage.exact() != null && passage.exact().length() > MAX_QUOTE) {
            throw new BadInput("A passage has at most " + MAX_QUOTE + " characters.");
        }
        Document document = excerpt.document;
        TextAnchor.Selector selector = Passages.locate(document.body, passage);
        Excerpt.at(documentId, selector.start(), selector.end()).filter(other -> !other.id.equals(excerpt.id)).ifPresent(other -> {
            throw new Conflict("Another passage of this document already quotes exactly these words. Retire this one, "
                    + "or choose other words.", Map.of("existingExcerptId", other.id));
        });
        Map<String, Object> before = describe(excerpt);
        excerpt.start = selector.start();
        excerpt.end = selector.end();
        excerpt.exact = selector.exact();
        excerpt.prefix = selector.prefix();
        excerpt.suffix = selector.suffix();
        excerpt.revision = document.currentRevision;
        clear(excerpt);
        audit.record("passage.reselect", "excerpt", excerpt.id, "Re-selected a passage of “" + document.title + "”: “"
                + Formats.shortQuote(excerpt.exact) + "”", before, describe(excerpt));
        return excerpt;
    }

    /** Keeps the wording re-anchoring found for a changed passage. */
    public Excerpt accept(long documentId, long excerptId, Integer revision) {
        Excerpt excerpt = flagged(documentId, excerptId, revision);
        if (excerpt.orphaned) {
            throw new BadInput("This passage is no longer in the text, so there is no new wording to accept: "
                    + "re-select it or retire it.");
        }
        Map<String, Object> before = describe(excerpt);
        clear(excerpt);
        audit.record("passage.accept", "excerpt", excerpt.id, "Accepted the new wording of a passage of “"
                + excerpt.document.title + "”: “" + Formats.shortQuote(excerpt.exact) + "”", before, describe(excerpt));
        return excerpt;
    }

    /**
     * The passage has left the source: it is no longer highlighted, re-anchored or reused, and the evidence
     * quoting it is detached (restorable by editors, like any detached item), so no score leans on words the
     * source no longer has.
     */
    public Excerpt retire(long documentId, long excerptId, Integer revision) {
        Excerpt excerpt = flagged(documentId, excerptId, revision);
        Map<String, Object> before = describe(excerpt);
        excerpt.retiredAt = Instant.now();
        excerpt.retiredBy = currentUser.loggedIn() ? currentUser.id() : null;
        clear(excerpt);
        retired.fire(new PassageRetired(excerpt.id));
        audit.record("passage.retire", "excerpt", excerpt.id, "Retired a passage of “" + excerpt.document.title + "”: “"
                + Formats.shortQuote(excerpt.exact) + "”", before, describe(excerpt));
        return excerpt;
    }

    /**
     * The flagged passage, with its document's row locked so that a revision saved meanwhile cannot
     * interleave; refused when it was revised after the editor's page was drawn ({@code revision})
     * or when someone else resolved the passage first.
     */
    private static Excerpt flagged(long documentId, long excerptId, Integer revision) {
        Document document = Document.findById(documentId, LockModeType.PESSIMISTIC_WRITE);
        Excerpt excerpt = document == null ? null : Excerpt.findById(excerptId);
        if (excerpt == null || !excerpt.document.id.equals(documentId)) {
            throw new NotFoundException("No passage " + excerptId + " in this document");
        }
        if (revision != null && revision != document.currentRevision) {
            throw new Conflict("The document was revised (it is at revision " + document.currentRevision
                    + " now) after you opened this page. Look at the passage again.",
                    Map.of("currentRevision", document.currentRevision));
        }
        if (!excerpt.needsAttention()) {
            throw new Conflict("This passage needs nothing any more: someone has already resolved it.");
        }
        return excerpt;
    }

    private static void clear(Excerpt excerpt) {
        excerpt.orphaned = false;
        excerpt.changed = false;
        excerpt.previousExact = null;
    }

    private static Map<String, Object> describe(Excerpt excerpt) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("documentId", excerpt.document.id);
        state.put("exact", excerpt.exact);
        state.put("start", excerpt.start);
        state.put("end", excerpt.end);
        state.put("revision", excerpt.revision);
        state.put("orphaned", excerpt.orphaned);
        state.put("changed", excerpt.changed);
        state.put("previousExact", excerpt.previousExact);
        state.put("retired", excerpt.retired());
        return state;
    }
}
