package app.crux.document;

/** A quoted passage as the API shows it, in a document's body or an evidence item. */
public record ExcerptJson(long id, int start, int end, String exact, String prefix, String suffix, boolean orphaned,
        boolean changed) {
    public static ExcerptJson of(Excerpt e) {
        return new ExcerptJson(e.id, e.start, e.end, e.exact, e.prefix, e.suffix, e.orphaned, e.changed);
    }
}
