package app.crux.document;

/** Input that cannot become a document, with a message that says exactly why. Nothing is stored. */
public class ImportRefused extends RuntimeException {

    public enum Reason { EMPTY, TOO_LARGE, BINARY, BAD_ENCODING, UNSUPPORTED_TYPE, UNREACHABLE, FORBIDDEN_ADDRESS }

    public final Reason reason;

    public ImportRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** 413 for size, 400 for everything else: the request itself was fine to receive. */
    public int status() {
        return reason == Reason.TOO_LARGE ? 413 : 400;
    }
}
