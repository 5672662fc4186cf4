package app.crux.search;

import app.crux.claim.ClaimPaths;
import app.crux.document.DocumentPaths;
import io.quarkus.qute.TemplateExtension;

/** A search hit is a claim or a document, told apart by the list it is in: {@code {h.claimPath}} or {@code {h.documentPath}}. */
public final class SearchPaths {

    private SearchPaths() {
    }

    @TemplateExtension
    static String claimPath(SearchService.Hit hit) {
        return ClaimPaths.of(hit.slug());
    }

    @TemplateExtension
    static String documentPath(SearchService.Hit hit) {
        return DocumentPaths.of(hit.slug());
    }
}
