package app.crux.document.importing;

/** What the import form sent, kept to show the form again next to its problems. */
public record ImportForm(String title, String url, String author, String publisher, String publishedOn, String kind,
        String text, String fetchUrl, boolean citationOnly) {

    public static final ImportForm EMPTY = new ImportForm("", "", "", "", "", "ARTICLE", "", "", false);
}
