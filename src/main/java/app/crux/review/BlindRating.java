package app.crux.review;

import app.crux.web.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Blind rating, decided here and nowhere else: a signed-in reviewer sees nothing of the
 * ratings of an evidence item (weight, distribution, rationales, vote and dispute counts,
 * history events) until they have rated it, and nothing of a claim's aggregates (verdict,
 * side weights, contestedness, agreement) until they have rated every item of that claim.
 * Everyone else (readers, editors and admins who are not reviewers) sees everything.
 * Pages ask {@code inject:blind}; the reviewer's rated items are read once per request.
 */
@Named("blind")
@RequestScoped
public class BlindRating {

    @Inject
    CurrentUser currentUser;

    @Inject
    EntityManager em;

    private Set<Long> rated;
    private Set<Long> fullyRated;

    /** Whether the current user rates blind at all: a signed-in reviewer. */
    public boolean applies() {
        return currentUser.isReviewer();
    }

    /** May the current user see the ratings of this evidence item? */
    public boolean maySee(long evidenceId) {
        return !applies() || rated().contains(evidenceId);
    }

    /** The opposite of {@link #maySee}, for templates. */
    public boolean hides(long evidenceId) {
        return !maySee(evidenceId);
    }

    /** May the current user see aggregates over all these items (a claim's verdict, side weights, agreement)? */
    public boolean maySeeAll(Collection<Long> evidenceIds) {
        return evidenceIds.stream().allMatch(this::maySee);
    }

    /**
     * For claim lists (home, contested, topics): may the current user see this claim's verdict and
     * weights? Only once they have rated every item of it; the claims they have fully rated are
     * read with one query per request, on first use.
     */
    public boolean maySeeClaim(long claimId) {
        return !applies() || fullyRated().contains(claimId);
    }

    public boolean hidesClaim(long claimId) {
        return !maySeeClaim(claimId);
    }

    /** How many of these items the current user still has to rate before the aggregates show. */
    public int unrated(Collection<Long> evidenceIds) {
        return (int) evidenceIds.stream().filter(this::hides).count();
    }

    /**
     * May the current user read and write in this item's discussion thread? Reviewers who have rated
     * it, and editors who do not rate; an editor who is also a reviewer rates it first, like any reviewer.
     * Readers never: a thread talks about individual ratings.
     */
    public boolean maySeeDiscussion(long evidenceId) {
        return applies() ? rated().contains(evidenceId) : currentUser.isEditor();
    }

    /**
     * Which history events the current user may see, as SQL over {@code audit_event a}: others'
     * rating events on an item a reviewer has not rated say how it was rated, so they stay out of
     * sight, and so do resolutions of its discussion; someone who neither curates, rates nor administers
     * (a reader, signed in or not) sees no rating events at all, which would name reviewers and what they
     * chose. The posts of a discussion only its participants see ({@link #maySeeDiscussion}). The
     * viewer's id, when the fragment needs it, is the parameter {@code :viewer}.
     */
    public String ratingEventsSql() {
        String rating = "(a.action LIKE 'vote.%' OR a.action LIKE 'discussion.%') AND a.entity_type = 'evidence'";
        String post = "a.action = '" + DiscussionService.POST + "' AND a.entity_type = 'evidence'";
        if (!currentUser.isEditor() && !currentUser.isReviewer() && !currentUser.isAdmin()) {
            return "NOT (a.action LIKE 'vote.%' AND a.entity_type = 'evidence') AND NOT (" + post + ")";
        }
        if (!applies()) {
            return currentUser.isEditor() ? "TRUE" : "NOT (" + post + ")";
        }
        return "(NOT (" + rating + ") OR a.entity_id IS NULL OR a.actor_id = :viewer"
                + " OR EXISTS (SELECT 1 FROM vote v WHERE v.evidence_id = a.entity_id AND v.reviewer_id = :viewer))";
    }

    /** Whether {@link #ratingEventsSql()} names {@code :viewer}. */
    public boolean ratingEventsSqlNeedsViewer() {
        return applies();
    }

    @SuppressWarnings("unchecked")
    private Set<Long> fullyRated() {
        if (fullyRated == null) {
            List<Number> ids = em.createNativeQuery("""
                    SELECT e.claim_id FROM vote v JOIN evidence e ON e.id = v.evidence_id WHERE v.reviewer_id = :r AND e.detached_at IS NULL
                    GROUP BY e.claim_id
                    HAVING count(*) = (SELECT count(*) FROM evidence x WHERE x.claim_id = e.claim_id AND x.detached_at IS NULL)""")
                    .setParameter("r", currentUser.id()).getResultList();
            fullyRated = new HashSet<>();
            ids.forEach(id -> fullyRated.add(id.longValue()));
        }
        return fullyRated;
    }

    /** The items the current reviewer has rated: one query, on first use in the request. */
    @SuppressWarnings("unchecked")
    Set<Long> rated() {
        if (rated == null) {
            if (!applies()) {
                rated = Set.of();
            } else {
                List<Number> ids = em.createNativeQuery("SELECT evidence_id FROM vote WHERE reviewer_id = :r")
                        .setParameter("r", currentUser.id()).getResultList();
                rated = new HashSet<>();
                ids.forEach(id -> rated.add(id.longValue()));
            }
        }
        return rated;
    }
}
