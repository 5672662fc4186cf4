package app.crux.document;

/** What sort of source a document is; readers weigh a guideline differently from a blog post. */
public enum Kind {
    ARTICLE("Article"), STUDY("Study"), REVIEW("Review"), GUIDELINE("Guideline"), TRANSCRIPT("Transcript"), OTHER("Other");

    public final String label;

    Kind(String label) {
        this.label = label;
    }
}
