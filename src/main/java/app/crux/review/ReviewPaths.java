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

    /** The queue's "Needs discussion" tab. */
    public static final String DISCUSSIONS = "/review/discussion";

    /** The editors' tab of passages to resolve after revisions. */
    public static final String PASSAGES = "/review/passages";

    public static String vote(long evidenceId) {
        return "/evidence/" + evidenceId + "/vote";
    }

    @TemplateExtension
    static String votePath(Evidence evidence) {
        return vote(evidence.id);
    }

    public static String withdraw(long evidenceId) {
        return vote(evidenceId) + "/withdraw";
    }

    @TemplateExtension
    static String withdrawPath(Evidence evidence) {
        return withdraw(evidence.id);
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

    public static String discussion(long evidenceId) {
        return "/evidence/" + evidenceId + "/discussion";
    }

    public static String discussionApi(long evidenceId) {
        return "/api/evidence/" + evidenceId + "/discussion";
    }

    /** Where an editor's resolution form goes. */
    public static String resolution(long evidenceId) {
        return discussion(evidenceId) + "/resolution";
    }

    /** The editor's form asking reviewers to rate a claim. */
    @TemplateExtension
    static String ratingRequestsPath(Claim claim) {
        return ClaimPaths.of(claim.slug) + "/rating-requests";
    }

    public static String ratingRequestsApi(long claimId) {
        return "/api/claims/" + claimId + "/rating-requests";
    }

    /** The queue narrowed to a claim the reviewer was asked to rate. */
    @TemplateExtension
    static String queuePath(RatingRequests.Pending pending) {
        return queueFor(pending.slug());
    }
}
