package app.crux.claim;

import app.crux.audit.AuditEvent;
import app.crux.audit.AuditLog;
import app.crux.score.ScoreKeeper;
import app.crux.web.BadInput;
import app.crux.web.CurrentUser;
import app.crux.web.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every write to claims: create, edit, retract, restore (merging is {@link MergeService}). Each appends an audit event. */
@ApplicationScoped
@Transactional
public class ClaimService {

    public static final int MAX_TAGS = 12;
    /** The audit action of a retraction; the claim page's banner reads who and when from it. */
    public static final String RETRACT = "claim.retract";

    public record NewClaim(String statement, List<String> tags, ClaimStatus status) {
    }

    /** A new claim and the existing ones that read like it (found once, before it was stored). */
    public record Created(Claim claim, List<DuplicateFinder.Similar> similar) {
    }

    /** A change to a claim; null fields stay as they are. {@code version} is the one the editor saw. */
    public record Edit(int version, String statement, List<String> tags, ClaimStatus status) {
    }

    @Inject
    DuplicateFinder duplicates;

    @Inject
    ScoreKeeper scores;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    EntityManager em;

    public Created create(NewClaim input) {
        return create(input, null);
    }

    /**
     * @param alreadyFound the claims like this one that the caller has just looked up (to ask the
     *        editor whether theirs is new), so the similarity search runs once per new claim; null: search here
     */
    public Created create(NewClaim input, List<DuplicateFinder.Similar> alreadyFound) {
        if (input.status() != null && !ClaimStatus.editable().contains(input.status())) {
            throw new BadInput("A new claim is a DRAFT or PUBLISHED.");
        }
        String statement = statement(input.statement());
        List<DuplicateFinder.Similar> similar = alreadyFound != null ? alreadyFound : duplicates.similarTo(statement, null);
        Claim claim = new Claim();
        claim.statement = statement;
        claim.slug = Slug.unique(statement, Claim::slugTaken);
        claim.status = input.status() == ClaimStatus.DRAFT ? ClaimStatus.DRAFT : ClaimStatus.PUBLISHED;
        claim.tags = tags(input.tags());
        claim.createdBy = currentUser.loggedIn() ? currentUser.id() : null;
        claim.persist();
        scores.recompute(claim.id);
        audit.record("claim.create", "claim", claim.id, "Created claim “" + statement + "”", null, describe(claim));
        return new Created(claim, similar);
    }

    public Claim edit(long claimId, Edit edit) {
        Claim claim = find(claimId);
        if (claim.version != edit.version()) {
            throw new StaleClaim(claim);
        }
        if (edit.status() == ClaimStatus.MERGED) {
            throw new BadInput("Merge a claim with the merge form, which moves its evidence.");
        }
        if (edit.status() != null && edit.status() != claim.status) {
            // retraction has its own action and audit event, and restoring is the only way back
            if (edit.status() == ClaimStatus.RETRACTED) {
                throw new BadInput("A claim is retracted with its Retract button (POST /api/claims/{id}/retract), not by editing its status.");
            }
            if (claim.status == ClaimStatus.RETRACTED) {
                throw new BadInput("This claim is retracted: restore it first (POST /api/claims/{id}/restore).");
            }
            if (claim.status == ClaimStatus.MERGED) {
                throw new BadInput("This claim was merged into another; change that one instead.");
            }
        }
        var before = describe(claim);
        if (edit.statement() != null) {
            claim.statement = statement(edit.statement());
        }
        if (edit.tags() != null) {
            claim.tags.clear();
            claim.tags.addAll(tags(edit.tags()));
        }
        if (edit.status() != null) {
            claim.status = edit.status();
        }
        claim.updatedAt = Instant.now();
        em.flush();
        audit.record("claim.edit", "claim", claim.id, "Edited claim “" + claim.statement + "”", before, describe(claim));
        return claim;
    }

    public Claim retract(long claimId) {
        if (find(claimId).status == ClaimStatus.RETRACTED) {
            throw new BadInput("This claim is already retracted.");
        }
        return setStatus(claimId, ClaimStatus.RETRACTED, RETRACT, "Retracted");
    }

    /** Back to the status it had when it was retracted: a retracted draft comes back as a draft. */
    public Claim restore(long claimId) {
        Claim claim = find(claimId);
        if (claim.status != ClaimStatus.RETRACTED) {
            throw new BadInput("Only a retracted claim can be restored.");
        }
        boolean wasDraft = AuditEvent.last("claim", claimId, RETRACT)
                .map(e -> e.before != null && ClaimStatus.DRAFT.name().equals(e.before.get("status"))).orElse(false);
        return setStatus(claimId, wasDraft ? ClaimStatus.DRAFT : ClaimStatus.PUBLISHED, "claim.restore", "Restored");
    }

    private Claim setStatus(long claimId, ClaimStatus status, String action, String verb) {
        Claim claim = find(claimId);
        if (claim.status == ClaimStatus.MERGED) {
            throw new BadInput("This claim was merged into another; change that one instead.");
        }
        var before = describe(claim);
        claim.status = status;
        claim.updatedAt = Instant.now();
        em.flush();
        scores.recompute(claim.id);
        audit.record(action, "claim", claim.id, verb + " “" + claim.statement + "”", before, describe(claim));
        return claim;
    }

    public Claim find(long claimId) {
        Claim claim = Claim.findById(claimId);
        if (claim == null) {
            throw new NotFoundException("No claim " + claimId);
        }
        return claim;
    }

    static String statement(String raw) {
        String statement = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (statement.length() < 3 || statement.length() > 500) {
            throw new BadInput("A claim's statement has 3 to 500 characters.",
                    List.of("Statement: write the claim in one short sentence, in your own words."));
        }
        return statement;
    }

    static List<Tag> tags(List<String> names) {
        List<Tag> tags = new ArrayList<>();
        if (names == null) {
            return tags;
        }
        // count distinct tags before any database look-up: "a,a,a,…" 200,000 times was one query per part
        Map<String, String> bySlug = new LinkedHashMap<>();
        for (String name : names) {
            if (name == null) {
                continue; // "tags": [null]: nothing to file, like a blank entry
            }
            for (String part : name.split(",")) {
                if (!part.isBlank() && bySlug.putIfAbsent(Tag.slugOf(part), part) == null && bySlug.size() > MAX_TAGS) {
                    throw new BadInput("At most " + MAX_TAGS + " tags per claim.");
                }
            }
        }
        for (String part : bySlug.values()) {
            Tag tag = Tag.named(part);
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags;
    }

    static Map<String, Object> describe(Claim claim) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("statement", claim.statement);
        state.put("slug", claim.slug);
        state.put("status", claim.status.name());
        state.put("tags", claim.tagNames());
        if (claim.mergedInto != null) {
            state.put("mergedInto", claim.mergedInto.id);
        }
        state.put("version", claim.version);
        return state;
    }
}
