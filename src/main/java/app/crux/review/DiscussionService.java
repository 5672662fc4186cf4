package app.crux.review;

import app.crux.Rows;
import app.crux.audit.AuditLog;
import app.crux.evidence.Evidence;
import app.crux.score.ScoreKeeper;
import app.crux.web.BadInput;
import app.crux.web.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reconciliation after blind rating: marks an item that needs discussion (after every rating
 * change, in the rating's transaction), takes posts in its thread and an editor's resolution note.
 */
@ApplicationScoped
@Transactional
public class DiscussionService {

    public static final String POST = "discussion.post";
    public static final String RESOLVE = "discussion.resolve";

    @Inject
    AuditLog audit;

    @Inject
    BlindRating blind;

    @Inject
    ScoreKeeper scores;

    @Inject
    CurrentUser currentUser;

    @Inject
    EntityManager em;

    /**
     * The item's ratings changed: mark it when they now split, clear the mark when they no longer do. Returns
     * the ratings it read, which the vote answers with.
     * A resolved discussion stays resolved; the agreement stored is the one at the first mark.
     * Part of the rating's write (and of its audit event), so nothing is recorded here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Votes.Row> reassess(long evidenceId, long claimId) {
        List<Votes.Row> votes = Votes.onEvidence(evidenceId);
        boolean needs = NeedsDiscussion.holds(votes);
        // the mark's state in plain SQL: it runs with every rating, and loading the entity was 5 % of a vote's CPU
        List<Mark> mark = Rows.select(em, Mark.class, "SELECT open, resolution IS NOT NULL FROM discussion WHERE evidence_id = ?", evidenceId);
        if (mark.isEmpty()) {
            if (needs) {
                Discussion discussion = new Discussion();
                discussion.evidenceId = evidenceId;
                var alpha = Votes.onClaim(claimId).alpha();
                discussion.alphaAtMark = alpha.isPresent() ? alpha.getAsDouble() : null;
                discussion.persist();
            }
        } else if (mark.get(0).open() && !needs) {
            Rows.execute(em, "UPDATE discussion SET open = false, cleared_at = ? WHERE evidence_id = ?", Instant.now(), evidenceId);
        } else if (!mark.get(0).open() && needs && !mark.get(0).resolved()) {
            Rows.execute(em, "UPDATE discussion SET open = true, cleared_at = NULL WHERE evidence_id = ?", evidenceId);
        }
        return votes;
    }

    private record Mark(boolean open, boolean resolved) {
    }

    public DiscussionPost post(long evidenceId, long authorId, String text) {
        Evidence evidence = discussed(evidenceId);
        DiscussionPost post = new DiscussionPost();
        post.evidenceId = evidenceId;
        post.authorId = authorId;
        post.body = PlainText.check(text, DiscussionPost.MAX_BODY, "post");
        post.persist();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("postId", post.id);
        after.put("claimId", evidence.claim.id);
        after.put("body", post.body);
        audit.record(POST, "evidence", evidenceId, "Posted in the discussion of a passage on “" + evidence.claim.statement + "”",
                null, after);
        return post;
    }

    /** An editor's note on how the discussion ended: clears the mark, and readers see it on the card. */
    public Discussion resolve(long evidenceId, String text) {
        Evidence evidence = discussed(evidenceId);
        Discussion discussion = Discussion.findById(evidenceId);
        String note = PlainText.check(text, Discussion.MAX_RESOLUTION, "resolution note");
        Map<String, Object> before = state(discussion, evidence);
        discussion.resolution = note;
        discussion.resolvedBy = currentUser.id();
        discussion.resolvedAt = Instant.now();
        if (discussion.open) {
            discussion.open = false;
            discussion.clearedAt = discussion.resolvedAt;
        }
        audit.record(RESOLVE, "evidence", evidenceId, "Resolved the discussion of a passage on “" + evidence.claim.statement + "”",
                before, state(discussion, evidence));
        return discussion;
    }

    /**
     * The item, when it has a discussion the current user may take part in; otherwise 404 with the
     * same words whether or not there is one, so nobody learns from the answer that ratings split.
     */
    private Evidence discussed(long evidenceId) {
        Evidence evidence = Evidence.find("from Evidence e join fetch e.claim where e.id = ?1", evidenceId).firstResult();
        if (evidence == null || !evidence.claim.visibleTo(currentUser.seesUnpublishedClaims())
                || !blind.maySeeDiscussion(evidenceId) || Discussion.findById(evidenceId) == null) {
            throw new NotFoundException(Threads.NOT_FOUND);
        }
        if (!evidence.claim.open()) {
            throw new BadInput("This claim is " + evidence.claim.status.label.toLowerCase() + "; its discussions are closed.");
        }
        scores.lock(evidence.claim.id);
        return evidence;
    }

    private static Map<String, Object> state(Discussion discussion, Evidence evidence) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("claimId", evidence.claim.id);
        state.put("needsDiscussion", discussion.open);
        state.put("resolution", discussion.resolution);
        return state;
    }
}
