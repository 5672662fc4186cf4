package app.crux.evidence;

import app.crux.Rows;
import io.quarkus.hibernate.orm.panache.Panache;

import java.util.List;

/**
 * What a merge of one claim into another would move: the merged claim's items that go over, and
 * the passages both claims quote, which only one of the two items can keep on the target.
 */
public final class SharedPassages {

    /**
     * A passage both claims quote. {@code exact} is null for a source both cite as a whole.
     * The vote counts are shown only to those blind rating lets see them.
     */
    public record Pair(long sourceItem, long targetItem, String documentTitle, String exact, Stance sourceStance,
            Stance targetStance, int sourceVotes, int targetVotes) {

        public boolean sameStance() {
            return sourceStance == targetStance;
        }

        public boolean wholeSource() {
            return exact == null;
        }
    }

    /** One of the merged claim's items that moves over as it is, with its number of ratings. */
    public record Moving(long item, int votes) {
    }

    private static final String SHARED = """
            SELECT e.id, t.id, d.title, x.exact, e.stance, t.stance,
                   (SELECT count(*) FROM vote v WHERE v.evidence_id = e.id), (SELECT count(*) FROM vote v WHERE v.evidence_id = t.id)
            FROM evidence e
            JOIN evidence t ON t.claim_id = :into AND t.document_id = e.document_id AND """ + EvidenceService.SAME_PASSAGE + """
            JOIN document d ON d.id = e.document_id
            LEFT JOIN excerpt x ON x.id = e.excerpt_id
            WHERE e.claim_id = :from
            ORDER BY d.title, x.start_offset, e.id""";

    private static final String MOVING = """
            SELECT e.id, (SELECT count(*) FROM vote v WHERE v.evidence_id = e.id)
            FROM evidence e
            WHERE e.claim_id = :from AND NOT EXISTS (
                SELECT 1 FROM evidence t WHERE t.claim_id = :into AND t.document_id = e.document_id AND """
            + EvidenceService.SAME_PASSAGE + ") ORDER BY e.id";

    private SharedPassages() {
    }

    public static List<Pair> between(long fromClaimId, long intoClaimId) {
        return Rows.list(Panache.getEntityManager().createNativeQuery(SHARED)
                .setParameter("from", fromClaimId).setParameter("into", intoClaimId), Pair.class);
    }

    public static List<Moving> moving(long fromClaimId, long intoClaimId) {
        return Rows.list(Panache.getEntityManager().createNativeQuery(MOVING)
                .setParameter("from", fromClaimId).setParameter("into", intoClaimId), Moving.class);
    }
}
