package app.crux.document.importing;

/**
 * Input that cannot become a document. The message is shown to editors as is, so it
 * says exactly what was wrong and what to do; nothing is stored when this is thrown.
 */
public class ImportRefused extends RuntimeException {

    public enum Reason {
        EMPTY, TOO_LARGE, BINARY, BAD_ENCODING, UNSUPPORTED_TYPE, UNREACHABLE, FORBIDDEN_ADDRESS, NOT_TEXT
    }

    /** Public field as well as accessor: existing callers read {@code e.reason}. */
    public final Reason reason;

    public ImportRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** 413 for size, 400 for everything else: the request itself arrived fine. */
    public int status() {
        return reason == Reason.TOO_LARGE ? 413 : 400;
    }
}
