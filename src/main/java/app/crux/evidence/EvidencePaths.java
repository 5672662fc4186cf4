package app.crux.evidence;

import app.crux.claim.ClaimPaths;
import app.crux.document.DocumentPaths;
import io.quarkus.qute.TemplateExtension;

/** Addresses of one evidence item: its card on the claim page ({@code {e.path}}) and its passage in the source ({@code {e.sourcePath}}). */
public final class EvidencePaths {

    private EvidencePaths() {
    }

    @TemplateExtension
    public static String path(Evidence evidence) {
        return ClaimPaths.evidence(evidence.claim.slug, evidence.id);
    }

    @TemplateExtension
    public static String sourcePath(Evidence evidence) {
        return evidence.excerpt == null ? DocumentPaths.of(evidence.document.slug)
                : DocumentPaths.passage(evidence.document.slug, evidence.excerpt.id);
    }

    /** The item's own address, under which its correction, detach and restore forms post. */
    public static String of(long evidenceId) {
        return "/evidence/" + evidenceId;
    }

    public static String api(long evidenceId) {
        return "/api/evidence/" + evidenceId;
    }

    @TemplateExtension
    static String editPath(Evidence evidence) {
        return of(evidence.id) + "/edit";
    }

    @TemplateExtension
    static String detachPath(Evidence evidence) {
        return of(evidence.id) + "/detach";
    }

    @TemplateExtension
    static String restorePath(Evidence evidence) {
        return of(evidence.id) + "/restore";
    }
}
