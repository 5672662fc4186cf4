package app.crux.evidence;

import app.crux.audit.AuditLog;
import app.crux.document.PassageRetired;
import app.crux.score.ScoreKeeper;
import app.crux.web.BadInput;
import app.crux.web.Conflict;
import app.crux.web.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Editors correct evidence: stance, note and context edited with optimistic locking, the item detached
 * (softly: kept with its votes, hidden everywhere) and restored. Each write takes the claim's row lock,
 * recomputes the claim's scores and records one audit event, all in one transaction.
 */
@ApplicationScoped
@Transactional
public class EvidenceCorrections {

    /** A correction; a null field stays as it is, a blank one clears it. {@code version} is the one the editor saw. */
    public record Correction(int version, Stance stance, String note, EvidenceService.Context context) {
    }

    @Inject
    EntityManager em;

    @Inject
    ScoreKeeper scores;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    Event<StanceChanged> stanceChanged;

    public Evidence edit(long evidenceId, Correction correction) {
        Evidence evidence = locked(evidenceId, false);
        expect(evidence, correction.version());
        var before = EvidenceService.describe(evidence);
        Stance oldStance = evidence.stance;
        List<String> changed = new ArrayList<>();
        evidence.note = change(evidence.note, correction.note(), 2000, "note", changed);
        var c = correction.context() == null ? EvidenceService.Context.NONE : correction.context();
        evidence.population = change(evidence.population, c.population(), 200, "population", changed);
        evidence.intervention = change(evidence.intervention, c.intervention(), 200, "intervention", changed);
        evidence.comparison = change(evidence.comparison, c.comparison(), 200, "comparison", changed);
        evidence.outcome = change(evidence.outcome, c.outcome(), 200, "outcome measured", changed);
        evidence.studyType = change(evidence.studyType, c.studyType(), 200, "study type", changed);
        String stanceNote = "";
        if (correction.stance() != null && correction.stance() != oldStance) {
            evidence.stance = correction.stance();
            em.flush();
            // the ratings' strengths still hold for the passage; a dispute was about the old stance
            StanceChanged event = new StanceChanged(evidence.id);
            stanceChanged.fire(event);
            stanceNote = "stance " + oldStance.label.toLowerCase() + " → " + evidence.stance.label.toLowerCase() + " ("
                    + event.ratingsKept() + " rating(s) kept, " + event.disputesCleared() + " stance dispute(s) cleared)";
        }
        if (changed.isEmpty() && stanceNote.isEmpty()) {
            return evidence;
        }
        evidence.version++;
        evidence.updatedAt = Instant.now();
        scores.recompute(evidence.claim.id);
        List<String> parts = new ArrayList<>();
        if (!stanceNote.isEmpty()) {
            parts.add(stanceNote);
        }
        if (!changed.isEmpty()) {
            parts.add(String.join(", ", changed) + " edited");
        }
        audit.record("evidence.edit", "evidence", evidence.id, "Corrected “" + evidence.document.title + "” on “"
                + evidence.claim.statement + "”: " + String.join("; ", parts), before, EvidenceService.describe(evidence));
        return evidence;
    }

    /** Hides the item from every page, score, list and export for the public; its votes and history stay. */
    public Evidence detach(long evidenceId, Integer expectedVersion) {
        Evidence evidence = locked(evidenceId, true);
        expect(evidence, expectedVersion);
        if (evidence.detached()) {
            throw new Conflict("This evidence is already detached.", Map.of("currentVersion", evidence.version));
        }
        var before = EvidenceService.describe(evidence);
        evidence.detachedAt = Instant.now();
        evidence.detachedBy = currentUser.loggedIn() ? currentUser.id() : null;
        evidence.version++;
        evidence.updatedAt = evidence.detachedAt;
        scores.recompute(evidence.claim.id);
        audit.record("evidence.detach", "evidence", evidence.id, "Detached “" + evidence.document.title + "” ("
                + evidence.stance.label.toLowerCase() + ") from “" + evidence.claim.statement + "”", before, EvidenceService.describe(evidence));
        return evidence;
    }

    /** A retired passage has left its source: the live items quoting it, on claims still open, are detached like any other. */
    void onPassageRetired(@Observes PassageRetired retired) {
        List<Evidence> quoting = Evidence.list("excerpt.id", retired.excerptId());
        for (Evidence item : quoting) {
            if (item.claim.open()) {
                detach(item.id, null);
            }
        }
    }

    public Evidence restore(long evidenceId, Integer expectedVersion) {
        Evidence evidence = locked(evidenceId, true);
        expect(evidence, expectedVersion);
        if (!evidence.detached()) {
            throw new Conflict("This evidence is not detached.", Map.of("currentVersion", evidence.version));
        }
        var before = EvidenceService.describe(evidence);
        evidence.detachedAt = null;
        evidence.detachedBy = null;
        evidence.version++;
        evidence.updatedAt = Instant.now();
        scores.recompute(evidence.claim.id);
        audit.record("evidence.restore", "evidence", evidence.id, "Restored “" + evidence.document.title + "” ("
                + evidence.stance.label.toLowerCase() + ") to “" + evidence.claim.statement + "”", before, EvidenceService.describe(evidence));
        return evidence;
    }

    /** The item after taking its claim's row lock, so its version and the claim's scores change one writer at a time. */
    private Evidence locked(long evidenceId, boolean includingDetached) {
        List<?> claim = em.createNativeQuery("SELECT claim_id FROM evidence WHERE id = :id").setParameter("id", evidenceId).getResultList();
        if (claim.isEmpty()) {
            throw new NotFoundException("No evidence " + evidenceId);
        }
        scores.lock(((Number) claim.get(0)).longValue());
        Evidence found = Evidence.includingDetached(evidenceId);
        if (found == null || (!includingDetached && found.detached())) {
            throw new NotFoundException("No evidence " + evidenceId);
        }
        if (!found.claim.open()) {
            throw new BadInput("This claim is " + found.claim.status.label.toLowerCase() + "; its evidence is no longer edited.");
        }
        return found;
    }

    /** {@code version}: the one the editor saw, or null to act on whatever is current. */
    private static void expect(Evidence evidence, Integer version) {
        if (version != null && version != evidence.version) {
            throw new StaleEvidence(evidence);
        }
    }

    private static String change(String stored, String sent, int max, String name, List<String> changed) {
        if (sent == null) {
            return stored;
        }
        String value = EvidenceService.trimmed(sent, max);
        if (!Objects.equals(value, stored)) {
            changed.add(name);
        }
        return value;
    }
}
