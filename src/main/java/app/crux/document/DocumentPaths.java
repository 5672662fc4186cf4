package app.crux.document;

import io.quarkus.qute.TemplateExtension;

/**
 * The one place that builds a document page's address. Templates say {@code {doc.path}},
 * redirects call {@link #of(String)}: renaming the route is a change here only.
 */
public final class DocumentPaths {

    private DocumentPaths() {
    }

    public static String of(String slug) {
        return "/documents/" + slug;
    }

    /** The document page scrolled to one highlighted passage. */
    public static String passage(String slug, long excerptId) {
        return of(slug) + "#passage-" + excerptId;
    }

    public static String api(long id) {
        return "/api/documents/" + id;
    }

    @TemplateExtension
    public static String path(Document document) {
        return of(document.slug);
    }

    @TemplateExtension
    static String revisePath(Document document) {
        return of(document.slug) + "/revise";
    }

    @TemplateExtension
    static String editPath(Document document) {
        return of(document.slug) + "/edit";
    }

    /** Where the "new claim from this passage" form posts. */
    @TemplateExtension
    public static String newClaimPath(Document document) {
        return newClaim(document.slug);
    }

    /** Where the "attach this passage to a claim" form posts. */
    @TemplateExtension
    public static String attachPath(Document document) {
        return attach(document.slug);
    }

    /** The passage page's form: it attaches or creates, depending on which form sent the reader there. */
    @TemplateExtension
    static String passageFormPath(Document document, boolean attach) {
        return attach ? attach(document.slug) : newClaim(document.slug);
    }

    @TemplateExtension
    static String documentPath(Document.Paragraph paragraph) {
        return of(paragraph.documentSlug());
    }

    @TemplateExtension
    static String attachPath(Document.Paragraph paragraph) {
        return attach(paragraph.documentSlug());
    }

    static String newClaim(String slug) {
        return of(slug) + "/claims";
    }

    static String attach(String slug) {
        return of(slug) + "/evidence";
    }
}
