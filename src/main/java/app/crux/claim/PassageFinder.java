package app.crux.claim;

import app.crux.document.Document;

import java.util.List;

/**
 * The claim page's "attach a passage from any document" search, for editors: paragraphs holding
 * the words typed, each offered with an attach form, so an editor need not open the document first.
 */
public record PassageFinder(String query, List<Document.Paragraph> found) {

    static final int MAX_RESULTS = 8;
    /** Shorter queries match nearly every paragraph; longer ones are never a passage's words. */
    static final int MIN_LENGTH = 3;
    static final int MAX_LENGTH = 200;

    /** An empty finder when nothing (or nothing usable) was asked, so the page shows the form alone. */
    public static PassageFinder search(String query) {
        // control characters (NUL above all, which PostgreSQL refuses) are never the words of a passage
        String words = query == null ? "" : query.replaceAll("\\p{Cntrl}", "").strip();
        if (words.length() < MIN_LENGTH || words.length() > MAX_LENGTH) {
            return new PassageFinder(words.length() > MAX_LENGTH ? "" : words, null);
        }
        return new PassageFinder(words, Document.paragraphsMatching(words, MAX_RESULTS));
    }

    public boolean searched() {
        return found != null;
    }

    public boolean tooShort() {
        return found == null && !query.isEmpty();
    }
}
