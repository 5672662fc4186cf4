package app.crux.claim;

import java.util.List;

/** A claim offered as a merge target by the no-JS search form: open, visible to the editor, not the claim itself. */
public record MergeCandidate(long id, String slug, String statement, ClaimStatus status) {

    public static List<MergeCandidate> matching(String q, List<ClaimStatus> statuses, long excluded, int limit) {
        return Claim.listMatching(q, statuses, 0, limit + 1).stream().filter(c -> c.id != excluded).limit(limit)
                .map(c -> new MergeCandidate(c.id, c.slug, c.statement, c.status)).toList();
    }
}
