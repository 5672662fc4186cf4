package app.crux.reading;

import app.crux.claim.Claim;
import app.crux.score.ClaimScore;
import app.crux.evidence.Evidence;
import app.crux.evidence.Stance;
import app.crux.review.Votes;
import io.quarkus.hibernate.orm.panache.Panache;

import java.util.List;
import java.util.Optional;

/** A claim with its score, its evidence on each side (strongest first) and the votes on it; four queries. */
public record ClaimView(Claim claim, ClaimScore score, List<Evidence> supports, List<Evidence> conflicts, Votes.OnClaim votes) {

    /**
     * The claim page's look-up: the claim with its tags, and its score read in the same query, so that
     * {@link #of} finds the score in the session instead of asking again (the claim page stays at four
     * statements with the reader-cache check). Rows repeat per tag; no row limit, so no in-memory paging.
     */
    public static Optional<Claim> bySlugWithScore(String slug) {
        List<Object[]> rows = Panache.getEntityManager().createQuery("select c, s from Claim c left join fetch c.tags"
                + " left join ClaimScore s on s.claimId = c.id where c.slug = :slug", Object[].class)
                .setParameter("slug", slug).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Claim) rows.get(0)[0]);
    }

    public static ClaimView of(Claim claim) {
        List<Evidence> evidence = Evidence.forClaim(claim.id);
        ClaimScore score = ClaimScore.findById(claim.id);
        if (score == null) {
            score = new ClaimScore();
        }
        return new ClaimView(claim, score,
                evidence.stream().filter(e -> e.stance == Stance.SUPPORTS).toList(),
                evidence.stream().filter(e -> e.stance == Stance.CONFLICTS).toList(), Votes.onClaim(claim.id));
    }

    public String tagText() {
        return String.join(", ", claim.tagNames());
    }
}
