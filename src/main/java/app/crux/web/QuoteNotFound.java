package app.crux.web;

/** A quoted passage that is not in the document (or is in it several times); answered 422. */
public class QuoteNotFound extends RuntimeException {

    public QuoteNotFound(String message) {
        super(message);
    }
}
