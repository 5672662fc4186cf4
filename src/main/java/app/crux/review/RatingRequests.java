package app.crux.review;

import app.crux.Rows;
import app.crux.account.Role;
import app.crux.account.User;
import app.crux.web.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;

import java.util.List;

/** Who was asked to rate a claim and how far they have come; what the current reviewer was asked ({@code inject:asks}). */
@Named("asks")
@RequestScoped
public class RatingRequests {

    /** One asked reviewer: done once they have rated every item of the claim. */
    public record Asked(String username, String name, long itemsRated, long items) {
        public boolean done() {
            return items > 0 && itemsRated >= items;
        }
    }

    /** "Rated by 2 of 3 asked". */
    public record Progress(List<Asked> asked) {
        public long done() {
            return asked.stream().filter(Asked::done).count();
        }

        public int total() {
            return asked.size();
        }

        public boolean any() {
            return !asked.isEmpty();
        }

        public boolean wasAsked(String username) {
            return asked.stream().anyMatch(a -> a.username().equals(username));
        }
    }

    /** A claim the current reviewer was asked to rate and still has items left on. */
    public record Pending(String slug, String statement, long left) {
    }

    @Inject
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    public Progress progress(long claimId) {
        return new Progress(Rows.list(em.createNativeQuery("""
                SELECT u.username, u.display_name,
                       (SELECT count(*) FROM vote v JOIN evidence e ON e.id = v.evidence_id
                        WHERE e.claim_id = r.claim_id AND e.detached_at IS NULL AND v.reviewer_id = r.reviewer_id),
                       (SELECT count(*) FROM evidence e WHERE e.claim_id = r.claim_id AND e.detached_at IS NULL)
                FROM rating_request r JOIN app_user u ON u.id = r.reviewer_id
                WHERE r.claim_id = :c ORDER BY u.username""").setParameter("c", claimId), Asked.class));
    }

    /** The claims the current reviewer was asked to rate and has not finished: first in their queue. */
    public List<Pending> pending() {
        if (!currentUser.isReviewer()) {
            return List.of();
        }
        return Rows.list(em.createNativeQuery("""
                SELECT c.slug, c.statement, count(e.id) FILTER (WHERE NOT EXISTS (
                           SELECT 1 FROM vote v WHERE v.evidence_id = e.id AND v.reviewer_id = r.reviewer_id))
                FROM rating_request r JOIN claim c ON c.id = r.claim_id JOIN evidence e ON e.claim_id = c.id
                WHERE r.reviewer_id = :me AND c.status = 'PUBLISHED' AND e.detached_at IS NULL
                GROUP BY c.id, c.slug, c.statement, r.requested_at
                HAVING count(e.id) FILTER (WHERE NOT EXISTS (
                           SELECT 1 FROM vote v WHERE v.evidence_id = e.id AND v.reviewer_id = r.reviewer_id)) > 0
                ORDER BY r.requested_at, c.id""").setParameter("me", currentUser.id()), Pending.class);
    }

    /** Everyone who can be asked: enabled reviewers, by username. */
    public List<User> reviewers() {
        return User.<User>list("select distinct u from User u join u.roles r where u.enabled = true and r = ?1 order by u.username",
                Role.REVIEWER);
    }
}
