package app.crux.reading;

import app.crux.claim.ClaimPaths;
import io.quarkus.qute.TemplateExtension;

/** Addresses of the reading side's own rows; they lead to claim pages, built by {@link ClaimPaths}. */
final class ReadingPaths {

    private ReadingPaths() {
    }

    static String evidenceHistory(long evidenceId) {
        return "/evidence/" + evidenceId + "/history";
    }

    @TemplateExtension
    static String path(DocumentView.ClaimLink link) {
        return ClaimPaths.of(link.slug());
    }

    @TemplateExtension
    static String path(MergePreview.Candidate candidate) {
        return ClaimPaths.of(candidate.slug());
    }
}
