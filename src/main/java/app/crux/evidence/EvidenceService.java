package app.crux.evidence;

import app.crux.audit.AuditLog;
import app.crux.claim.Claim;
import app.crux.claim.ClaimService;
import app.crux.claim.DuplicateFinder;
import app.crux.score.ScoreKeeper;
import app.crux.document.Document;
import app.crux.document.Excerpt;
import app.crux.document.anchoring.Passage;
import app.crux.document.anchoring.Passages;
import app.crux.web.BadInput;
import app.crux.web.Conflict;
import app.crux.web.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.util.LinkedHashMap;
import java.util.List;
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

    /** Where a new claim came from: the passage becomes its first SUPPORTS evidence. */
    public record Source(long documentId, Passage passage, Context context) {
    }

    /** A claim pulled out of a passage, the evidence that ties it there, and the claims that read like it. */
    public record Extracted(Claim claim, Evidence evidence, List<DuplicateFinder.Similar> similar) {
    }

    /**
     * SQL condition: evidence {@code t} and {@code e} quote the same passage — the same excerpt, or two excerpt rows
     * at the same place of the same revision (V3's evidence_claim_passage_key would refuse moving such a twin).
     * Shared by the merge (its preview, the evidence and the votes it moves), which must match passages the same way.
     */
    public static final String SAME_PASSAGE = """
            (t.excerpt_id IS NOT DISTINCT FROM e.excerpt_id OR EXISTS (
                SELECT 1 FROM excerpt tx JOIN excerpt ex ON ex.id = e.excerpt_id WHERE tx.id = t.excerpt_id
                  AND tx.start_offset = ex.start_offset AND tx.end_offset = ex.end_offset AND tx.revision = ex.revision))
            """;

    @Inject
    Passages passages;

    @Inject
    ClaimService claims;

    @Inject
    EntityManager em;

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
        Document document = Document.byId(input.documentId());
        Excerpt excerpt = input.passage() != null && input.passage().given() ? passages.excerpt(document, input.passage()) : null;
        if (excerpt == null && !document.citationOnly()) {
            throw new BadInput("Quote the passage that bears on the claim.");
        }
        Long detached = Evidence.detachedTwin(claim.id, excerpt == null ? null : excerpt.id, document.id);
        if (detached != null) {
            // the unique keys still hold the detached item: bringing the passage back is restoring it, votes and all
            throw new Conflict("This passage was detached from this claim; restore it from the claim page's detached evidence.",
                    Map.of("claimId", claim.id, "detachedId", detached));
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

    /**
     * A new claim whose first SUPPORTS evidence is the given passage, in one transaction: a
     * passage that cannot be quoted leaves no claim behind. Evidence calls claim, never the reverse.
     */
    public Extracted claimFrom(ClaimService.NewClaim claim, Source source) {
        return claimFrom(claim, source, null);
    }

    /** @param alreadyFound see {@link ClaimService#create(ClaimService.NewClaim, List)} */
    public Extracted claimFrom(ClaimService.NewClaim claim, Source source, List<DuplicateFinder.Similar> alreadyFound) {
        ClaimService.Created created = claims.create(claim, alreadyFound);
        Evidence first = source == null ? null : attach(created.claim().id,
                new NewEvidence(source.documentId(), Stance.SUPPORTS, source.passage(), null, source.context()));
        return new Extracted(created.claim(), first, created.similar());
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
        state.put("population", evidence.population);
        state.put("intervention", evidence.intervention);
        state.put("comparison", evidence.comparison);
        state.put("outcome", evidence.outcome);
        state.put("studyType", evidence.studyType);
        state.put("version", evidence.version);
        state.put("detached", evidence.detached());
        return state;
    }

    static String trimmed(String value, int max) {
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
