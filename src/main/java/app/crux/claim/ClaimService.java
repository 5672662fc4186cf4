package app.crux.claim;

import app.crux.audit.AuditEvent;
import app.crux.audit.AuditLog;
import app.crux.score.ScoreKeeper;
import app.crux.web.BadInput;
import app.crux.web.Conflict;
import app.crux.web.CurrentUser;
import app.crux.web.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every write to claims: create, edit, merge, retract, restore. Each appends an audit event. */
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

    /**
     * Fired, synchronously and inside the merge's transaction, before {@code fromId} is closed:
     * the evidence feature moves the claim's evidence to {@code intoId} and the review feature
     * keeps the votes on passages both claims share. They observe this event because they sit
     * above claim (their rows point at claims), so claim cannot call them.
     */
    public static final class Merging {
        public final long fromId;
        public final long intoId;
        private int moved;

        Merging(long fromId, long intoId) {
            this.fromId = fromId;
            this.intoId = intoId;
        }

        /** How many evidence items moved over; told by the evidence feature for the audit event. */
        public void moved(int count) {
            moved += count;
        }

        public int moved() {
            return moved;
        }
    }

    /** A change to a claim; null fields stay as they are. {@code version} is the one the editor saw. */
    public record Edit(int version, String statement, List<String> tags, ClaimStatus status) {
    }

    @Inject
    Event<Merging> merging;

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

    /**
     * Merges {@code fromId} into {@code intoId}: its evidence moves over with its votes;
     * a passage both claims already share keeps the target's evidence, and the moved
     * claim's votes on it are kept where the reviewer has not voted on the target's.
     */
    public Claim merge(long fromId, long intoId) {
        if (fromId == intoId) {
            throw new BadInput("A claim cannot be merged into itself.");
        }
        // both rows locked, lower id first, before they are read: of two merges of the same pair (either
        // direction) the second waits for the first and then finds a claim merged (V3 refuses a cycle too)
        em.createNativeQuery("SELECT id FROM claim WHERE id IN (:a, :b) ORDER BY id FOR UPDATE")
                .setParameter("a", fromId).setParameter("b", intoId).getResultList();
        Claim from = find(fromId);
        Claim into = find(intoId);
        em.refresh(from);
        em.refresh(into);
        for (Claim claim : List.of(from, into)) {
            if (claim.status == ClaimStatus.MERGED) {
                throw new Conflict("“" + claim.statement + "” has been merged into another claim already.",
                        Map.of("claimId", claim.id, "mergedInto", claim.mergedInto.id));
            }
        }
        if (!from.open() || !into.open()) {
            throw new BadInput("Only open (published or draft) claims can be merged.");
        }
        var fromBefore = describe(from);
        // evidence and votes belong to their features, which sit above claim: they move their own rows
        Merging merging = new Merging(from.id, into.id);
        this.merging.fire(merging);
        Set<Tag> tags = new LinkedHashSet<>(into.tags);
        tags.addAll(from.tags);
        into.tags.clear();
        into.tags.addAll(tags);
        from.status = ClaimStatus.MERGED;
        from.mergedInto = into;
        from.updatedAt = Instant.now();
        into.updatedAt = Instant.now();
        em.flush();
        em.clear();
        scores.recompute(from.id);
        scores.recompute(into.id);
        Claim merged = find(fromId);
        audit.record("claim.merge", "claim", fromId, "Merged “" + merged.statement + "” into “" + into.statement + "”",
                fromBefore, describe(merged));
        audit.record("claim.absorb", "claim", intoId, "Took in “" + merged.statement + "” with " + merging.moved() + " evidence item(s)",
                null, Map.of("mergedClaimId", fromId));
        return find(intoId);
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
