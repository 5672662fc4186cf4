package app.crux.exchange;

import java.util.Collection;
import java.util.Set;

/**
 * What one export may contain, decided in the request (where the viewer is known) and then
 * used by the stream, which runs after the request's scope has ended.
 *
 * @param full  admin: every claim, accounts, votes, the audit trail
 * @param rated for a reviewer (the blind-rating rule): the evidence items they have rated, whose
 *              aggregates they may see; null when the rule does not apply
 */
public record ExportScope(boolean full, Set<Long> rated) {

    public static ExportScope everything() {
        return new ExportScope(true, null);
    }

    public static ExportScope reader() {
        return new ExportScope(false, null);
    }

    public String name() {
        return full ? ExportFile.FULL : ExportFile.PUBLIC;
    }

    public boolean seesRatings(long evidenceId) {
        return rated == null || rated.contains(evidenceId);
    }

    /** A claim's aggregates show once every item of it has been rated (BlindRating's rule). */
    public boolean seesClaimScore(Collection<Long> evidenceIds) {
        return rated == null || evidenceIds.stream().allMatch(rated::contains);
    }
}
