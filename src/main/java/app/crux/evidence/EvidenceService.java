package app.crux.evidence;

import app.crux.audit.AuditLog;
import app.crux.claim.Claim;
import app.crux.disagreement.ScoreKeeper;
import app.crux.document.Document;
import app.crux.document.Excerpt;
import app.crux.document.Passage;
import app.crux.document.Passages;
import app.crux.web.BadInput;
import app.crux.web.Conflict;
import app.crux.web.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.util.LinkedHashMap;
import java.util.Map;

/** Attaching passages to claims, for or against. */
@ApplicationScoped
@Transactional
public class EvidenceService {

    /** Why sources may differ: who was studied, what was done, compared with what, what was measured, how. */
    public record Context(String population, String intervention, String comparison, String outcome, String studyType) {
        public static final Context NONE = new Context(null, null, null, null, null);
    }

    public record NewEvidence(long documentId, Stance stance, Passage passage, String note, Context context) {
    }

    @Inject
    Passages passages;

    @Inject
    ScoreKeeper scores;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    public Evidence attach(long claimId, NewEvidence input) {
        // writers to one claim's evidence queue here, so of two editors quoting the same passage at
        // once the second finds the first one's excerpt and evidence (409) instead of making twins
        scores.lock(claimId);
        Claim claim = Claim.findById(claimId);
        if (claim == null) {
            throw new NotFoundException("No claim " + claimId);
        }
        if (!claim.open()) {
            throw new BadInput("This claim is " + claim.status.label.toLowerCase() + "; evidence goes to open claims only.");
        }
        if (input.stance() == null) {
            throw new BadInput("Say whether the passage SUPPORTS or CONFLICTS with the claim.");
        }
        Document document = Document.findById(input.documentId());
        if (document == null) {
            throw new NotFoundException("No document " + input.documentId());
        }
        Excerpt excerpt = input.passage() != null && input.passage().given() ? passages.excerpt(document, input.passage()) : null;
        if (excerpt == null && !document.citationOnly()) {
            throw new BadInput("Quote the passage that bears on the claim.");
        }
        if (Evidence.exists(claim.id, excerpt == null ? null : excerpt.id, document.id)) {
            throw new Conflict("This passage is already evidence for this claim.", Map.of("claimId", claim.id));
        }
        Context context = input.context() == null ? Context.NONE : input.context();
        Evidence evidence = new Evidence();
        evidence.claim = claim;
        evidence.document = document;
        evidence.excerpt = excerpt;
        evidence.stance = input.stance();
        evidence.note = trimmed(input.note(), 2000);
        evidence.population = trimmed(context.population(), 200);
        evidence.intervention = trimmed(context.intervention(), 200);
        evidence.comparison = trimmed(context.comparison(), 200);
        evidence.outcome = trimmed(context.outcome(), 200);
        evidence.studyType = trimmed(context.studyType(), 200);
        evidence.createdBy = currentUser.loggedIn() ? currentUser.id() : null;
        evidence.persist();
        scores.recompute(claim.id);
        audit.record("evidence.create", "evidence", evidence.id,
                evidence.stance.label + ": “" + document.title + "” on “" + claim.statement + "”", null, describe(evidence));
        return evidence;
    }

    static Map<String, Object> describe(Evidence evidence) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("claimId", evidence.claim.id);
        state.put("documentId", evidence.document.id);
        state.put("stance", evidence.stance.name());
        if (evidence.excerpt != null) {
            state.put("excerptId", evidence.excerpt.id);
            state.put("exact", evidence.excerpt.exact);
        }
        state.put("note", evidence.note);
        return state;
    }

    private static String trimmed(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max) {
            throw new BadInput("A field is longer than " + max + " characters.");
        }
        return clean;
    }
}
