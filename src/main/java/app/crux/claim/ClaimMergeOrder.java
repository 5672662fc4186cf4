package app.crux.claim;

/**
 * The order in which the features above claim answer {@link ClaimService.Merging} (observer
 * priorities, lowest first): votes on shared passages are copied before the evidence they hang
 * on is moved or dropped.
 */
public final class ClaimMergeOrder {

    public static final int VOTES = 100;
    public static final int EVIDENCE = 200;

    private ClaimMergeOrder() {
    }
}
