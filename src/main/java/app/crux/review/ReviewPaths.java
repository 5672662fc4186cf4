package app.crux.review;

import app.crux.claim.Claim;
import app.crux.claim.ClaimPaths;
import app.crux.evidence.Evidence;
import io.quarkus.qute.TemplateExtension;

/** Addresses of the review side: rating forms ({@code {e.votePath}}), the queue, a reviewer's rated passages. */
public final class ReviewPaths {

    private ReviewPaths() {
    }

    public static final String QUEUE = "/review";

    /** The editors' tab of passages to resolve after revisions. */
    public static final String PASSAGES = "/review/passages";

    public static String vote(long evidenceId) {
        return "/evidence/" + evidenceId + "/vote";
    }

    @TemplateExtension
    static String votePath(Evidence evidence) {
        return vote(evidence.id);
    }

    @TemplateExtension
    static String withdrawPath(Evidence evidence) {
        return vote(evidence.id) + "/withdraw";
    }

    /** The queue narrowed to one claim's evidence. */
    @TemplateExtension
    static String reviewPath(Claim claim) {
        return queueFor(claim.slug);
    }

    public static String queueFor(String claimSlug) {
        return QUEUE + "?claim=" + claimSlug;
    }

    @TemplateExtension
    static String path(PassageToResolve.Fed claim) {
        return ClaimPaths.of(claim.slug());
    }

    @TemplateExtension
    static String path(Votes.Rated rated) {
        return ClaimPaths.evidence(rated.claimSlug(), rated.evidenceId());
    }
}
