package app.crux.claim;

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
        return of(claim.slug) + "/merge";
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
