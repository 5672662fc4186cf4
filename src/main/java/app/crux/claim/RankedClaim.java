package app.crux.claim;

import app.crux.score.ClaimScore;
import io.quarkus.hibernate.orm.panache.Panache;

import java.util.List;

/** A published claim with its score, as a topic page lists them: most contested and weighty first. */
public record RankedClaim(Claim claim, ClaimScore score) {

    /** How many published claims carry the tag (drafts and retracted ones would name themselves by the count). */
    public static long countInTag(long tagId) {
        return Claim.count("select count(c) from Claim c join c.tags t where t.id = ?1 and c.status = ?2", tagId,
                ClaimStatus.PUBLISHED);
    }

    /** One page ({@code index} from 0) of the tag's published claims by rank. */
    public static List<RankedClaim> inTag(long tagId, int index, int size) {
        return Panache.getEntityManager().createQuery("""
                SELECT new app.crux.claim.RankedClaim(c, s) FROM Claim c JOIN c.tags t, ClaimScore s
                WHERE s.claimId = c.id AND t.id = :tag AND c.status = :status
                ORDER BY s.rankScore DESC, c.statement""", RankedClaim.class)
                .setParameter("tag", tagId).setParameter("status", ClaimStatus.PUBLISHED)
                .setFirstResult(index * size).setMaxResults(size).getResultList();
    }
}
