package app.crux.review;

import app.crux.account.Role;
import app.crux.account.User;
import app.crux.audit.AuditLog;
import app.crux.claim.Claim;
import app.crux.claim.ClaimStatus;
import app.crux.score.ScoreKeeper;
import app.crux.web.BadInput;
import app.crux.web.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Editors ask named reviewers to rate a claim's evidence; asking someone already asked changes nothing. */
@ApplicationScoped
@Transactional
public class RatingRequestService {

    public static final String ASK = "rating.request";
    static final int MAX_NAMES = 50;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    ScoreKeeper scores;

    /** @return the reviewers newly asked (empty when everyone named had been asked already) */
    public List<String> ask(long claimId, List<String> usernames) {
        Claim claim = Claim.findById(claimId);
        if (claim == null) {
            throw new NotFoundException("No claim " + claimId);
        }
        if (claim.status != ClaimStatus.PUBLISHED) {
            throw new BadInput("Only published claims are rated; this one is " + claim.status.label.toLowerCase() + ".");
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String name : usernames == null ? List.<String>of() : usernames) {
            if (name != null && !name.isBlank()) {
                names.add(name.strip());
            }
        }
        if (names.isEmpty()) {
            throw new BadInput("Choose at least one reviewer to ask.");
        }
        if (names.size() > MAX_NAMES) {
            throw new BadInput("Ask at most " + MAX_NAMES + " reviewers at once.");
        }
        List<User> reviewers = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            User user = name.length() > 100 ? null : User.findByUsername(name).orElse(null);
            if (user == null || !user.enabled || !user.has(Role.REVIEWER)) {
                unknown.add(name.length() > 100 ? name.substring(0, 100) + "…" : name);
            } else {
                reviewers.add(user);
            }
        }
        if (!unknown.isEmpty()) {
            throw new BadInput("Not a reviewer: " + String.join(", ", unknown) + ".", unknown);
        }
        scores.lock(claimId);
        List<String> asked = new ArrayList<>();
        for (User reviewer : reviewers) {
            int inserted = em.createNativeQuery("""
                    INSERT INTO rating_request (claim_id, reviewer_id, requested_by) VALUES (:c, :r, :by)
                    ON CONFLICT (claim_id, reviewer_id) DO NOTHING""")
                    .setParameter("c", claimId).setParameter("r", reviewer.id).setParameter("by", currentUser.id()).executeUpdate();
            if (inserted == 1) {
                asked.add(reviewer.username);
            }
        }
        if (!asked.isEmpty()) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("asked", asked);
            audit.record(ASK, "claim", claimId, "Asked " + String.join(", ", asked) + " to rate the evidence of “"
                    + claim.statement + "”", null, after);
        }
        return asked;
    }
}
