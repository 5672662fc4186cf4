package app.crux.review;

import app.crux.Rows;
import app.crux.claim.ClaimMerge;
import app.crux.claim.ClaimMergeOrder;
import app.crux.claim.MergeService;
import app.crux.web.Conflict;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The votes' side of a merge and of its undo. On a passage both claims quote with the same stance,
 * a reviewer's rating of the item not kept is copied onto the kept one (unless they rated that one
 * too); with opposite stances nothing is copied, since a rating of a passage's stance cannot be
 * carried over to the other stance. Copies are recorded so the undo removes exactly them.
 */
@ApplicationScoped
public class VoteMerging {

    private static final String COPY = """
            INSERT INTO vote (evidence_id, reviewer_id, strength, disputes_stance, rationale, created_at, updated_at)
            SELECT :kept, v.reviewer_id, v.strength, v.disputes_stance, v.rationale, v.created_at, v.updated_at
            FROM vote v WHERE v.evidence_id = :other
            ON CONFLICT (evidence_id, reviewer_id) DO NOTHING
            RETURNING evidence_id, reviewer_id""";

    record Copied(long evidenceId, long reviewerId) {
    }

    record Tally(long count, Object latest) {
    }

    @Inject
    EntityManager em;

    void copyShared(@Observes @Priority(ClaimMergeOrder.VOTES) MergeService.Merging merging) {
        for (MergeService.Shared pair : merging.shared) {
            if (!pair.sameStance()) {
                continue;
            }
            boolean keepTarget = pair.keep() == MergeService.Keep.TARGET;
            List<Copied> copied = Rows.list(em.createNativeQuery(COPY)
                    .setParameter("kept", keepTarget ? pair.targetItem() : pair.sourceItem())
                    .setParameter("other", keepTarget ? pair.sourceItem() : pair.targetItem()), Copied.class);
            for (Copied vote : copied) {
                merging.copiedVoteEvidence.add(vote.evidenceId());
                merging.copiedVoteReviewers.add(vote.reviewerId());
            }
        }
    }

    /** Last: the votes on every item involved, which the undo compares with what it finds then. */
    void count(@Observes @Priority(ClaimMergeOrder.COUNT) MergeService.Merging merging) {
        List<Long> items = new ArrayList<>(merging.moved);
        items.addAll(merging.swapped);
        items.addAll(merging.parked);
        items.addAll(merging.keptBack);
        merging.voteCount = items.isEmpty() ? 0 : (int) tally(items).count();
    }

    /** Undo, first: refuses if a rating of an involved item was given, changed or withdrawn since; then removes the copies. */
    void removeCopies(@Observes @Priority(ClaimMergeOrder.VOTES) MergeService.Unmerging unmerging) {
        ClaimMerge merge = unmerging.merge();
        List<Long> items = Arrays.asList(merge.involvedEvidence());
        if (!items.isEmpty()) {
            Tally now = tally(items);
            if (now.count() != merge.voteCount || (now.latest() != null && instant(now.latest()).isAfter(merge.mergedAt))) {
                throw new Conflict("Ratings of the evidence the merge moved have been given, changed or withdrawn since, so the "
                        + "merge cannot be undone exactly.", Map.of("claimId", merge.fromClaimId, "mergeId", merge.id));
            }
        }
        for (int i = 0; i < merge.copiedVoteEvidenceIds.length; i++) {
            em.createNativeQuery("DELETE FROM vote WHERE evidence_id = :e AND reviewer_id = :r")
                    .setParameter("e", merge.copiedVoteEvidenceIds[i]).setParameter("r", merge.copiedVoteReviewerIds[i])
                    .executeUpdate();
        }
    }

    private Tally tally(List<Long> items) {
        return Rows.single(em.createNativeQuery("SELECT count(*), max(updated_at) FROM vote WHERE evidence_id IN (:ids)")
                .setParameter("ids", items), Tally.class);
    }

    private static Instant instant(Object timestamp) {
        if (timestamp instanceof Instant instant) {
            return instant;
        }
        if (timestamp instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) timestamp).toInstant();
    }
}
