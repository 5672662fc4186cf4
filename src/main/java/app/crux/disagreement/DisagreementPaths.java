package app.crux.disagreement;

import app.crux.claim.ClaimPaths;
import app.crux.claim.Tag;
import app.crux.document.Document;
import app.crux.document.DocumentPaths;
import io.quarkus.qute.TemplateExtension;

/** Addresses of the disagreement pages (contested, compare, map) and of the rows they list. */
public final class DisagreementPaths {

    private DisagreementPaths() {
    }

    public static String compare(String a, String b) {
        return "/compare?a=" + a + "&b=" + b;
    }

    @TemplateExtension
    static String contestedPath(Tag tag) {
        return "/contested?tag=" + tag.slug;
    }

    @TemplateExtension
    static String disagreementsPath(Tag tag) {
        return "/disagreements?tag=" + tag.slug;
    }

    @TemplateExtension
    static String path(Contested.Row row) {
        return ClaimPaths.of(row.slug());
    }

    @TemplateExtension
    static String documentPath(Contested.Side side) {
        return DocumentPaths.of(side.documentSlug());
    }

    @TemplateExtension
    static String path(Comparison.Pair pair) {
        return ClaimPaths.of(pair.slug());
    }

    @TemplateExtension
    static String compareWith(Document document, Comparison.Rival rival) {
        return compare(document.slug, rival.slug());
    }

    @TemplateExtension
    static String compareWith(Matrix.Doc row, Matrix.Doc column) {
        return compare(row.slug(), column.slug());
    }
}
