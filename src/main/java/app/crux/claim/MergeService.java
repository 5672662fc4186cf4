package app.crux.claim;

import app.crux.audit.AuditLog;
import app.crux.score.ScoreKeeper;
import app.crux.web.BadInput;
import app.crux.web.Conflict;
import app.crux.web.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merging a claim into another, and undoing that. The claim feature owns the claims and the merge
 * record; the evidence and vote rows are moved by their own features, which observe {@link Merging}
 * and {@link Unmerging} in the order {@link ClaimMergeOrder} gives and report what they did.
 */
@ApplicationScoped
@Transactional
public class MergeService {

    /** Which item a passage both claims quote keeps on the target: the merged claim's or the target's own. */
    public enum Keep { SOURCE, TARGET }

    /**
     * A passage both claims quote: {@code sourceItem} on the merged claim, {@code targetItem} on the
     * target. Only one may stay on the target (one passage is evidence for a claim once); the other
     * stays with the merged claim, hidden with it, and comes back on undo.
     */
    public record Shared(long sourceItem, long targetItem, boolean sameStance, Keep keep) {
    }

    /**
     * Fired synchronously inside the merge's transaction, before {@code fromId} is closed. The evidence
     * feature resolves the shared passages against {@code choices} (source item id → what to keep),
     * then moves its rows; the review feature copies votes onto kept items and counts the votes.
     */
    public static final class Merging {
        public final long fromId;
        public final long intoId;
        public final Map<Long, Keep> choices;
        public List<Shared> shared = List.of();
        public final List<Long> moved = new ArrayList<>();
        public final List<Long> swapped = new ArrayList<>();
        public final List<Long> parked = new ArrayList<>();
        public final List<Long> keptBack = new ArrayList<>();
        public final List<Long> copiedVoteEvidence = new ArrayList<>();
        public final List<Long> copiedVoteReviewers = new ArrayList<>();
        public int voteCount;

        Merging(long fromId, long intoId, Map<Long, Keep> choices) {
            this.fromId = fromId;
            this.intoId = intoId;
            this.choices = choices;
        }
    }

    /** Fired inside an undo's transaction: each feature checks its rows are as the merge left them, then puts them back. */
    public record Unmerging(ClaimMerge merge) {
    }

    @Inject
    Event<Merging> merging;

    @Inject
    Event<Unmerging> unmerging;

    @Inject
    ClaimService claims;

    @Inject
    ScoreKeeper scores;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    EntityManager em;

    /** Whether {@code fromId} may be merged into {@code intoId} now; throws the refusal a merge would give. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void check(Claim from, Claim into) {
        if (from.id.equals(into.id)) {
            throw new BadInput("A claim cannot be merged into itself.");
        }
        for (Claim claim : List.of(from, into)) {
            if (claim.status == ClaimStatus.MERGED) {
                throw new Conflict("“" + claim.statement + "” has been merged into another claim already.",
                        Map.of("claimId", claim.id, "mergedInto", claim.mergedInto.id));
            }
        }
        if (!from.open() || !into.open()) {
            throw new BadInput("Only open (published or draft) claims can be merged; restore a retracted claim first.");
        }
        if (from.status == ClaimStatus.PUBLISHED && into.status == ClaimStatus.DRAFT) {
            // readers would lose the published claim's evidence behind a draft
            throw new BadInput("A published claim cannot be merged into a draft: publish “" + into.statement + "” first.");
        }
    }

    /**
     * Merges {@code fromId} into {@code intoId}. {@code choices} says, per passage both quote (by the
     * merged claim's item id), which item stays on the target; a passage quoted with opposite stances
     * must be chosen (409 listing them otherwise), one quoted with the same stance keeps the target's.
     */
    public ClaimMerge merge(long fromId, long intoId, Map<Long, Keep> choices) {
        if (fromId == intoId) {
            throw new BadInput("A claim cannot be merged into itself.");
        }
        // both rows locked, lower id first, before they are read: of two merges of the same pair (either
        // direction) the second waits for the first and then finds a claim merged (V3 refuses a cycle too)
        lockBoth(fromId, intoId);
        Claim from = claims.find(fromId);
        Claim into = claims.find(intoId);
        em.refresh(from);
        em.refresh(into);
        check(from, into);
        var fromBefore = ClaimService.describe(from);
        Long[] intoTagsBefore = into.tags.stream().map(t -> t.id).toArray(Long[]::new);
        Merging event = new Merging(from.id, into.id, choices == null ? Map.of() : choices);
        this.merging.fire(event);
        Set<Tag> tags = new LinkedHashSet<>(into.tags);
        tags.addAll(from.tags);
        List<String> added = from.tags.stream().filter(t -> !into.tags.contains(t)).map(t -> t.name).toList();
        into.tags.clear();
        into.tags.addAll(tags);
        ClaimStatus fromStatus = from.status;
        from.status = ClaimStatus.MERGED;
        from.mergedInto = into;
        from.updatedAt = Instant.now();
        into.updatedAt = Instant.now();
        em.flush();
        ClaimMerge record = new ClaimMerge();
        record.fromClaimId = from.id;
        record.intoClaimId = into.id;
        record.mergedBy = currentUser.loggedIn() ? currentUser.id() : null;
        record.fromStatus = fromStatus.name();
        record.intoTagIds = intoTagsBefore;
        record.fromVersion = from.version;
        record.intoVersion = into.version;
        record.movedIds = ids(event.moved);
        record.swappedIds = ids(event.swapped);
        record.parkedIds = ids(event.parked);
        record.keptBackIds = ids(event.keptBack);
        record.copiedVoteEvidenceIds = ids(event.copiedVoteEvidence);
        record.copiedVoteReviewerIds = ids(event.copiedVoteReviewers);
        record.voteCount = event.voteCount;
        record.persist();
        em.flush();
        em.clear();
        scores.recompute(fromId);
        scores.recompute(intoId);
        Claim merged = claims.find(fromId);
        Map<String, Object> moved = movedSummary(record, added);
        audit.record("claim.merge", "claim", fromId, "Merged “" + merged.statement + "” into “" + into.statement + "”",
                fromBefore, with(ClaimService.describe(merged), moved));
        audit.record("claim.absorb", "claim", intoId, "Took in “" + merged.statement + "” with "
                + (event.moved.size() + event.swapped.size()) + " evidence item(s)"
                + (event.shared.isEmpty() ? "" : "; " + event.shared.size() + " shared passage(s): "
                        + event.swapped.size() + " kept the merged claim's item, " + event.keptBack.size() + " kept this claim's"),
                null, with(new LinkedHashMap<>(Map.of("mergedClaimId", fromId, "mergedClaimSlug", merged.slug)), moved));
        return record;
    }

    /**
     * Undoes the merge that closed {@code fromId}, if nothing it moved has changed since: the two
     * claims (their versions), the evidence items (where they are, when they were last written) and
     * the votes on them. Otherwise 409 saying what changed.
     */
    public Claim undo(long fromId, Long expectedMergeId) {
        Claim from = claims.find(fromId);
        if (from.status != ClaimStatus.MERGED) {
            throw new Conflict("“" + from.statement + "” is not merged into another claim.", Map.of("claimId", fromId));
        }
        ClaimMerge merge = ClaimMerge.activeFrom(fromId).orElseThrow(() -> new Conflict(
                "This merge was made before merges were recorded, so it cannot be undone.", Map.of("claimId", fromId)));
        if (expectedMergeId != null && !expectedMergeId.equals(merge.id)) {
            throw new Conflict("That merge was undone already.", Map.of("claimId", fromId, "mergeId", expectedMergeId));
        }
        lockBoth(merge.fromClaimId, merge.intoClaimId);
        em.refresh(merge);
        em.refresh(from);
        Claim into = claims.find(merge.intoClaimId);
        em.refresh(into);
        if (merge.undoneAt != null) {
            throw new Conflict("That merge was undone already.", Map.of("claimId", fromId, "mergeId", merge.id));
        }
        if (from.version != merge.fromVersion || into.version != merge.intoVersion
                || from.mergedInto == null || !from.mergedInto.id.equals(into.id)) {
            throw new Conflict("“" + into.statement + "” has changed since the merge (edited, retracted, or another claim "
                    + "merged into it), so the merge cannot be undone exactly.", Map.of("claimId", fromId, "mergeId", merge.id));
        }
        var fromBefore = ClaimService.describe(from);
        var intoBefore = ClaimService.describe(into);
        unmerging.fire(new Unmerging(merge));
        from.status = ClaimStatus.valueOf(merge.fromStatus);
        from.mergedInto = null;
        from.updatedAt = Instant.now();
        into.tags.clear();
        for (Long tagId : merge.intoTagIds) {
            into.tags.add(em.find(Tag.class, tagId));
        }
        into.updatedAt = Instant.now();
        merge.undoneAt = Instant.now();
        merge.undoneBy = currentUser.loggedIn() ? currentUser.id() : null;
        em.flush();
        scores.recompute(from.id);
        scores.recompute(into.id);
        Map<String, Object> undone = Map.of("mergeId", merge.id, "evidenceBack", merge.movedIds.length + merge.swappedIds.length,
                "votesRemoved", merge.copiedVoteEvidenceIds.length);
        audit.record("claim.unmerge", "claim", from.id, "Undid the merge of “" + from.statement + "” into “" + into.statement + "”",
                fromBefore, with(ClaimService.describe(from), undone));
        audit.record("claim.unabsorb", "claim", into.id, "Gave back “" + from.statement + "” and its "
                + (merge.movedIds.length + merge.swappedIds.length) + " evidence item(s)", intoBefore,
                with(ClaimService.describe(into), undone));
        return from;
    }

    private void lockBoth(long a, long b) {
        em.createNativeQuery("SELECT id FROM claim WHERE id IN (:a, :b) ORDER BY id FOR UPDATE")
                .setParameter("a", a).setParameter("b", b).getResultList();
    }

    private static Map<String, Object> movedSummary(ClaimMerge record, List<String> tagsAdded) {
        Map<String, Object> moved = new LinkedHashMap<>();
        moved.put("mergeId", record.id);
        moved.put("movedEvidence", List.of(record.movedIds));
        moved.put("sharedKeptFromMerged", List.of(record.swappedIds));
        moved.put("sharedTargetItemsSetAside", List.of(record.parkedIds));
        moved.put("sharedKeptFromTarget", List.of(record.keptBackIds));
        moved.put("votesCopied", record.copiedVoteEvidenceIds.length);
        moved.put("tagsAdded", tagsAdded);
        return moved;
    }

    private static Map<String, Object> with(Map<String, Object> state, Map<String, Object> more) {
        Map<String, Object> all = new LinkedHashMap<>(state);
        all.putAll(more);
        return all;
    }

    private static Long[] ids(List<Long> ids) {
        return ids.toArray(Long[]::new);
    }
}
