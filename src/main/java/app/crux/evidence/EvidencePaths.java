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
        return source(evidence.document.slug, evidence.excerpt == null ? null : evidence.excerpt.id);
    }

    /** Where an item's source is shown: its passage in the document, or the document when it quotes none. */
    public static String source(String documentSlug, Long excerptId) {
        return excerptId == null ? DocumentPaths.of(documentSlug) : DocumentPaths.passage(documentSlug, excerptId);
    }

    /** The item's own address, under which its correction, detach and restore forms post. */
    public static String of(long evidenceId) {
        return "/evidence/" + evidenceId;
    }

    public static String api(long evidenceId) {
        return "/api/evidence/" + evidenceId;
    }

    public static String edit(long evidenceId) {
        return of(evidenceId) + "/edit";
    }

    public static String detach(long evidenceId) {
        return of(evidenceId) + "/detach";
    }

    @TemplateExtension
    static String restorePath(Evidence evidence) {
        return of(evidence.id) + "/restore";
    }
}
