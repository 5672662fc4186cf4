package app.crux.reading;

import app.crux.claim.Claim;
import app.crux.score.ClaimScore;
import app.crux.evidence.Evidence;
import app.crux.evidence.Stance;
import app.crux.review.Discussion;
import app.crux.review.Threads;
import app.crux.review.Votes;
import io.quarkus.hibernate.orm.panache.Panache;
import org.hibernate.jpa.HibernateHints;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A claim with its score, its evidence on each side (strongest first) and the votes on it; three queries. */
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
        return of(claim, Evidence.forClaim(claim.id));
    }

    /**
     * The claim page's view: the evidence is read together with its discussions and their resolvers'
     * names, which {@code threads} keeps for the cards, so the page needs no statement of its own for them.
     */
    public static ClaimView forPage(Claim claim, Threads threads) {
        List<Object[]> rows = Panache.getEntityManager().createQuery("""
                select e, d, u.displayName from Evidence e join fetch e.document left join fetch e.excerpt
                left join Discussion d on d.evidenceId = e.id left join User u on u.id = d.resolvedBy
                where e.claim.id = :claim order by e.weight desc, e.id""", Object[].class)
                // the page only reads them: no snapshot of every loaded row is kept for a dirty check
                .setHint(HibernateHints.HINT_READ_ONLY, true).setParameter("claim", claim.id).getResultList();
        List<Evidence> evidence = new ArrayList<>(rows.size());
        List<Discussion> discussions = new ArrayList<>();
        Map<Long, String> resolvers = new HashMap<>();
        for (Object[] row : rows) {
            evidence.add((Evidence) row[0]);
            if (row[1] instanceof Discussion d) {
                discussions.add(d);
                if (row[2] != null) {
                    resolvers.put(d.evidenceId, (String) row[2]);
                }
            }
        }
        threads.preload(claim.id, discussions, resolvers);
        return of(claim, evidence);
    }

    private static ClaimView of(Claim claim, List<Evidence> evidence) {
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
