package app.crux.claim;

import app.crux.audit.AuditEvent;
import io.quarkus.qute.TemplateExtension;

/**
 * The one place that builds the addresses of claim and topic pages. Templates say
 * {@code {claim.path}}, {@code {claim.editPath}}; redirects and JSON call the same
 * methods, so renaming a route is a change here only.
 */
public final class ClaimPaths {

    private ClaimPaths() {
    }

    public static String of(String slug) {
        return "/claims/" + slug;
    }

    /** The claim page scrolled to one evidence card. */
    public static String evidence(String slug, long evidenceId) {
        return of(slug) + "#evidence-" + evidenceId;
    }

    /** True for the address of a claim page (where a rating form sends the reader back to the card). */
    public static boolean isClaimPage(String path) {
        return path != null && path.startsWith("/claims/");
    }

    public static String api(long id) {
        return "/api/claims/" + id;
    }

    public static String tag(String slug) {
        return "/tags/" + slug;
    }

    @TemplateExtension
    public static String path(Claim claim) {
        return of(claim.slug);
    }

    @TemplateExtension
    static String historyPath(Claim claim) {
        return of(claim.slug) + "/history";
    }

    @TemplateExtension
    static String editPath(Claim claim) {
        return of(claim.slug) + "/edit";
    }

    @TemplateExtension
    static String mergePath(Claim claim) {
        return mergeOf(claim.slug);
    }

    /** The merge's preview (GET, {@code ?into=} from the candidate list's radio buttons). */
    @TemplateExtension
    static String mergePreviewPath(Claim claim) {
        return mergeOf(claim.slug) + "/preview";
    }

    /** Where a merged claim's merge is undone (the form posts the merge's id too). */
    public static String undoMergeOf(String mergedSlug) {
        return mergeOf(mergedSlug) + "/undo";
    }

    /**
     * The undo form's address on a claim's history, for a merge event that recorded its merge
     * ({@code claim.merge} on the merged claim, {@code claim.absorb} on the target) while that merge is
     * still in place; otherwise null. The merge's row is read only for these two events, which are rare,
     * and the timeline asks only when an editor is looking.
     */
    @TemplateExtension
    static String undoMergePath(AuditEvent event) {
        if (event.after == null || !(event.after.get("mergeId") instanceof Number mergeId)) {
            return null;
        }
        Object slug = switch (event.action) {
            case "claim.merge" -> event.after.get("slug");
            case "claim.absorb" -> event.after.get("mergedClaimSlug");
            default -> null;
        };
        if (slug == null) {
            return null;
        }
        ClaimMerge merge = ClaimMerge.findById(mergeId.longValue());
        return merge == null || merge.undoneAt != null ? null : undoMergeOf(slug.toString());
    }

    public static String mergeOf(String slug) {
        return of(slug) + "/merge";
    }

    @TemplateExtension
    static String retractPath(Claim claim) {
        return of(claim.slug) + "/retract";
    }

    @TemplateExtension
    static String restorePath(Claim claim) {
        return of(claim.slug) + "/restore";
    }

    @TemplateExtension
    static String path(DuplicateFinder.Similar similar) {
        return of(similar.slug());
    }

    @TemplateExtension
    public static String path(Tag tag) {
        return tag(tag.slug);
    }
}
