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

    /** The document page's list of passages to check after a revision. */
    public static String attention(String slug) {
        return of(slug) + "#attention";
    }

    public static String history(String slug) {
        return of(slug) + "/history";
    }

    public static String revision(String slug, int revision) {
        return of(slug) + "/revisions/" + revision;
    }

    public static String diff(String slug, int from, int to) {
        return of(slug) + "/diff?from=" + from + "&to=" + to;
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

    /** Where the resolve forms of the document page send the editor back to. */
    @TemplateExtension
    static String attentionBack(Document document) {
        return attention(document.slug);
    }

    @TemplateExtension
    static String historyPath(Document document) {
        return history(document.slug);
    }

    @TemplateExtension
    static String revisionPath(Document document, int revision) {
        return revision(document.slug, revision);
    }

    @TemplateExtension
    static String diffPath(Document document) {
        return of(document.slug) + "/diff";
    }

    @TemplateExtension
    static String diffPath(Document document, int from, int to) {
        return diff(document.slug, from, to);
    }

    @TemplateExtension
    static String reselectPath(Document document) {
        return of(document.slug) + "/passages/reselect";
    }

    @TemplateExtension
    static String acceptPath(Document document) {
        return of(document.slug) + "/passages/accept";
    }

    @TemplateExtension
    static String retirePath(Document document) {
        return of(document.slug) + "/passages/retire";
    }

    static String newClaim(String slug) {
        return of(slug) + "/claims";
    }

    static String attach(String slug) {
        return of(slug) + "/evidence";
    }
}
