package app.crux.evidence;

import app.crux.claim.ClaimMerge;
import app.crux.claim.ClaimMergeOrder;
import app.crux.claim.MergeService;
import app.crux.claim.MergeService.Keep;
import app.crux.web.BadInput;
import app.crux.web.Conflict;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The evidence side of a merge and of its undo. Nothing is deleted: an item that cannot stay on the
 * target (the other one of a shared passage was kept) stays with the merged claim, hidden with it,
 * so the undo can put every item back where it was.
 */
@ApplicationScoped
public class EvidenceMerging {

    private static final String MOVE_TO_TARGET = """
            UPDATE evidence e SET claim_id = :into, updated_at = now()
            WHERE e.claim_id = :from AND NOT EXISTS (
                SELECT 1 FROM evidence t WHERE t.claim_id = :into AND t.document_id = e.document_id
                  AND """ + EvidenceService.SAME_PASSAGE + ") RETURNING e.id";

    @Inject
    EntityManager em;

    /** First: the passages both claims quote, each resolved by the editor's choice or refused. */
    void resolve(@Observes @Priority(ClaimMergeOrder.SHARED) MergeService.Merging merging) {
        List<SharedPassages.Pair> pairs = SharedPassages.between(merging.fromId, merging.intoId);
        Set<Long> shared = pairs.stream().map(SharedPassages.Pair::sourceItem).collect(Collectors.toSet());
        for (Long item : merging.choices.keySet()) {
            if (!shared.contains(item)) {
                throw new BadInput("Evidence " + item + " is not a passage both claims quote; choose only among those the preview lists.");
            }
        }
        List<Long> undecided = pairs.stream().filter(p -> !p.sameStance() && !merging.choices.containsKey(p.sourceItem()))
                .map(SharedPassages.Pair::sourceItem).toList();
        if (!undecided.isEmpty()) {
            throw new Conflict(undecided.size() + " passage(s) are quoted by both claims with opposite stances. Choose for each "
                    + "which item the merged claim keeps (SOURCE or TARGET); see the merge preview.", Map.of("undecided", undecided));
        }
        List<MergeService.Shared> resolved = new ArrayList<>();
        for (SharedPassages.Pair pair : pairs) {
            Keep keep = merging.choices.getOrDefault(pair.sourceItem(), Keep.TARGET);
            if (keep == Keep.SOURCE && pair.wholeSource()) {
                throw new BadInput("“" + pair.documentTitle() + "” is cited as a whole by both claims: the target's item stays.");
            }
            resolved.add(new MergeService.Shared(pair.sourceItem(), pair.targetItem(), pair.sameStance(), keep));
        }
        merging.shared = List.copyOf(resolved);
    }

    /** After the votes were copied: the merged claim's items move, and each shared passage keeps the chosen item. */
    void move(@Observes @Priority(ClaimMergeOrder.EVIDENCE) MergeService.Merging merging) {
        for (Object id : em.createNativeQuery(MOVE_TO_TARGET)
                .setParameter("into", merging.intoId).setParameter("from", merging.fromId).getResultList()) {
            merging.moved.add(((Number) id).longValue());
        }
        for (MergeService.Shared pair : merging.shared) {
            if (pair.keep() == Keep.SOURCE) {
                swap(pair.targetItem(), merging.fromId, pair.sourceItem(), merging.intoId);
                merging.swapped.add(pair.sourceItem());
                merging.parked.add(pair.targetItem());
            } else {
                merging.keptBack.add(pair.sourceItem());
            }
        }
    }

    /** Undo: refuses if an item was written since the merge or is not where the merge left it; then puts them back. */
    void putBack(@Observes @Priority(ClaimMergeOrder.EVIDENCE) MergeService.Unmerging unmerging) {
        ClaimMerge merge = unmerging.merge();
        long onTarget = merge.movedIds.length + merge.swappedIds.length;
        long onSource = merge.parkedIds.length + merge.keptBackIds.length;
        if (unchanged(concat(merge.movedIds, merge.swappedIds), merge.intoClaimId, merge) != onTarget
                || unchanged(concat(merge.parkedIds, merge.keptBackIds), merge.fromClaimId, merge) != onSource) {
            throw new Conflict("Evidence that the merge moved has been changed, detached or moved since, so the merge cannot be "
                    + "undone exactly.", Map.of("claimId", merge.fromClaimId, "mergeId", merge.id));
        }
        if (merge.movedIds.length > 0) {
            em.createNativeQuery("UPDATE evidence SET claim_id = :from, updated_at = now() WHERE id IN (:ids)")
                    .setParameter("from", merge.fromClaimId).setParameter("ids", Arrays.asList(merge.movedIds)).executeUpdate();
        }
        for (int i = 0; i < merge.swappedIds.length; i++) {
            swap(merge.parkedIds[i], merge.intoClaimId, merge.swappedIds[i], merge.fromClaimId);
        }
    }

    private long unchanged(List<Long> ids, long claimId, ClaimMerge merge) {
        if (ids.isEmpty()) {
            return 0;
        }
        return ((Number) em.createNativeQuery(
                "SELECT count(*) FROM evidence WHERE id IN (:ids) AND claim_id = :claim AND updated_at <= :at")
                .setParameter("ids", ids).setParameter("claim", claimId).setParameter("at", merge.mergedAt)
                .getSingleResult()).longValue();
    }

    /**
     * Two items on one passage trade claims. Neither may sit beside the other on one claim even for a
     * statement (V1's evidence_claim_excerpt_key and V3's trigger), so the one leaving goes over
     * without its excerpt and gets it back once the other has left. Only for quoted passages: a
     * document with text has no whole-source items that the empty excerpt could collide with.
     */
    private void swap(long leaving, long leavingTo, long arriving, long arrivingTo) {
        Object excerpt = em.createNativeQuery("SELECT excerpt_id FROM evidence WHERE id = :id").setParameter("id", leaving)
                .getSingleResult();
        em.createNativeQuery("UPDATE evidence SET claim_id = :claim, excerpt_id = NULL, updated_at = now() WHERE id = :id")
                .setParameter("claim", leavingTo).setParameter("id", leaving).executeUpdate();
        em.createNativeQuery("UPDATE evidence SET claim_id = :claim, updated_at = now() WHERE id = :id")
                .setParameter("claim", arrivingTo).setParameter("id", arriving).executeUpdate();
        em.createNativeQuery("UPDATE evidence SET excerpt_id = :excerpt WHERE id = :id")
                .setParameter("excerpt", ((Number) excerpt).longValue()).setParameter("id", leaving).executeUpdate();
    }

    private static List<Long> concat(Long[] a, Long[] b) {
        List<Long> all = new ArrayList<>(Arrays.asList(a));
        all.addAll(Arrays.asList(b));
        return all;
    }
}
