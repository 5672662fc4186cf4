package app.crux.claim;

/**
 * The order in which the features above claim answer {@link MergeService.Merging} and
 * {@link MergeService.Unmerging} (observer priorities, lowest first). Merging: the shared passages
 * are resolved against the editor's choices, votes are copied onto the items kept, the evidence
 * moves, and the votes on every item involved are counted for the undo's check. Undoing: the
 * copied votes go, then the evidence moves back.
 */
public final class ClaimMergeOrder {

    public static final int SHARED = 50;
    public static final int VOTES = 100;
    public static final int EVIDENCE = 200;
    public static final int COUNT = 300;

    private ClaimMergeOrder() {
    }
}
