package app.crux.document;

/** A metadata edit based on an older version of the document: someone revised or edited it meanwhile. */
public class StaleDocument extends RuntimeException {

    public final Document current;

    public StaleDocument(Document current) {
        super("Someone changed this document while you were editing its details (it is now version " + current.version
                + "). The form shows their version; apply your change to it and save again.");
        this.current = current;
    }
}
