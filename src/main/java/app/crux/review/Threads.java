package app.crux.review;

import app.crux.evidence.Evidence;
import app.crux.web.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Discussions as the current user may see them (the claim page's cards through reading.Card; {@code inject:threads} in the review tabs).
 * Participants (BlindRating#maySeeDiscussion) see the whole thread; anyone who sees an item's
 * ratings sees its resolution note; nobody else learns that a discussion exists. Read once per claim per request.
 */
@Named("threads")
@RequestScoped
public class Threads {

    /** The same answer whether there is no discussion or the caller may not take part in it. */
    public static final String NOT_FOUND = "No discussion on this passage that you can take part in.";

    static final int TAB_LIMIT = 100;

    public record Post(long id, long evidenceId, String author, String body, Instant at) {
    }

    /**
     * One item's discussion. For someone who only sees the outcome (a reader) {@code participant}
     * is false and there are no posts; the agreement is null where blind rating hides it.
     */
    public record Thread(long evidenceId, long claimId, boolean claimOpen, boolean participant, boolean open, Instant markedAt,
            Double alphaAtMark, Double alphaNow, boolean agreementShown, String resolution, String resolvedBy, Instant resolvedAt,
            List<Post> posts) {

        public boolean resolved() {
            return resolution != null;
        }

        /** Where a participant's post form goes. */
        public String discussionPath() {
            return ReviewPaths.discussion(evidenceId);
        }

        public String resolutionPath() {
            return ReviewPaths.resolution(evidenceId);
        }

        public String alphaAtMarkText() {
            return alpha(alphaAtMark);
        }

        public String alphaNowText() {
            return alpha(alphaNow);
        }

        private static String alpha(Double value) {
            return value == null ? "not defined" : String.format(Locale.ROOT, "%.2f", value);
        }
    }

    /** An item of the queue's "Needs discussion" tab: the passage and its claim, and the thread on it. */
    public record Open(Evidence evidence, Thread thread) {
    }

    @Inject
    BlindRating blind;

    @Inject
    CurrentUser currentUser;

    @Inject
    EntityManager em;

    private final Map<Long, Map<Long, Discussion>> byClaim = new HashMap<>();
    private final Map<Long, Map<Long, List<Post>>> postsByClaim = new HashMap<>();
    private final Map<Long, OptionalDouble> alphaByClaim = new HashMap<>();
    private final Map<Long, String> resolverNames = new HashMap<>();

    /**
     * What an evidence card shows: the item's discussion as the current user may see it, or null. The claim's
     * votes are the ones the page already read, so agreement "now" costs no query of its own.
     */
    public Thread on(long claimId, long evidenceId, boolean claimOpen, Votes.OnClaim claimVotes) {
        alphaByClaim.putIfAbsent(claimId, claimVotes.alpha());
        return on(claimId, evidenceId, claimOpen);
    }

    /** The item's discussion as the current user may see it, or null. */
    Thread on(long claimId, long evidenceId, boolean claimOpen) {
        Discussion discussion = discussions(claimId).get(evidenceId);
        if (discussion == null) {
            return null;
        }
        boolean participant = blind.maySeeDiscussion(evidenceId);
        if (!participant && (blind.hides(evidenceId) || discussion.resolution == null)) {
            return null;
        }
        boolean agreementShown = blind.maySeeClaim(claimId);
        OptionalDouble now = agreementShown ? alphaByClaim.computeIfAbsent(claimId, id -> Votes.onClaim(id).alpha())
                : OptionalDouble.empty();
        return new Thread(evidenceId, claimId, claimOpen, participant, discussion.open, discussion.markedAt,
                agreementShown ? discussion.alphaAtMark : null, now.isPresent() ? now.getAsDouble() : null, agreementShown,
                discussion.resolution, resolverNames.get(evidenceId), discussion.resolvedAt,
                participant ? posts(claimId).getOrDefault(evidenceId, List.of()) : List.of());
    }

    private Thread on(Evidence evidence) {
        return on(evidence.claim.id, evidence.id, evidence.claim.open());
    }

    /** The whole thread for a participant; empty for anyone else and for an item never marked. */
    public Optional<Thread> thread(long evidenceId) {
        Evidence evidence = Evidence.find("from Evidence e join fetch e.claim where e.id = ?1", evidenceId).firstResult();
        if (evidence == null || !evidence.claim.visibleTo(currentUser.seesUnpublishedClaims()) || !blind.maySeeDiscussion(evidenceId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(on(evidence));
    }

    /** The items that need discussion and that the current user takes part in, newest mark first: the queue's tab. */
    @SuppressWarnings("unchecked")
    public List<Open> open() {
        List<Number> ids = em.createNativeQuery("""
                SELECT d.evidence_id FROM discussion d JOIN evidence e ON e.id = d.evidence_id JOIN claim c ON c.id = e.claim_id
                WHERE d.open AND e.detached_at IS NULL AND (c.status = 'PUBLISHED' OR CAST(:editor AS boolean))
                  AND CASE WHEN CAST(:reviewer AS boolean)
                           THEN EXISTS (SELECT 1 FROM vote v WHERE v.evidence_id = d.evidence_id AND v.reviewer_id = :me)
                           ELSE CAST(:editor AS boolean) END
                ORDER BY d.marked_at DESC, d.evidence_id DESC LIMIT :limit""")
                .setParameter("editor", currentUser.seesUnpublishedClaims()).setParameter("reviewer", blind.applies())
                .setParameter("me", currentUser.loggedIn() ? currentUser.id() : -1L).setParameter("limit", TAB_LIMIT)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> wanted = ids.stream().map(Number::longValue).toList();
        Map<Long, Evidence> items = em.createQuery("""
                SELECT e FROM Evidence e JOIN FETCH e.claim JOIN FETCH e.document LEFT JOIN FETCH e.excerpt WHERE e.id IN :ids""",
                Evidence.class).setParameter("ids", wanted).getResultStream().collect(Collectors.toMap(e -> e.id, e -> e));
        return wanted.stream().map(items::get).filter(e -> e != null).map(e -> new Open(e, on(e)))
                .filter(o -> o.thread() != null && o.thread().participant()).toList();
    }

    /**
     * The claim's discussions and their resolvers' names, read by the claim page together with its evidence:
     * the cards then ask no query of their own.
     */
    public void preload(long claimId, Collection<Discussion> discussions, Map<Long, String> resolverNamesByItem) {
        Map<Long, Discussion> found = new HashMap<>();
        discussions.forEach(d -> found.put(d.evidenceId, d));
        byClaim.put(claimId, found);
        resolverNames.putAll(resolverNamesByItem);
    }

    /** The claim's discussions with their resolvers' names, in one query (a page shows many cards). */
    private Map<Long, Discussion> discussions(long claimId) {
        return byClaim.computeIfAbsent(claimId, id -> {
            Map<Long, Discussion> found = new HashMap<>();
            em.createQuery("""
                    SELECT d, u.displayName FROM Discussion d LEFT JOIN User u ON u.id = d.resolvedBy
                    WHERE d.evidenceId IN (SELECT e.id FROM Evidence e WHERE e.claim.id = :claim)""", Object[].class)
                    .setParameter("claim", id).getResultStream().forEach(row -> {
                        Discussion d = (Discussion) row[0];
                        found.put(d.evidenceId, d);
                        if (row[1] != null) {
                            resolverNames.put(d.evidenceId, (String) row[1]);
                        }
                    });
            return found;
        });
    }

    private Map<Long, List<Post>> posts(long claimId) {
        return postsByClaim.computeIfAbsent(claimId, id -> em.createQuery("""
                SELECT p.id, p.evidenceId, u.displayName, p.body, p.createdAt FROM DiscussionPost p, User u, Evidence e
                WHERE u.id = p.authorId AND e.id = p.evidenceId AND e.claim.id = :claim ORDER BY p.id""", Object[].class)
                .setParameter("claim", id).getResultStream()
                .map(r -> new Post((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (Instant) r[4]))
                .collect(Collectors.groupingBy(Post::evidenceId)));
    }
}
