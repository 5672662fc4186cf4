package app.crux.web;

import java.util.Map;

/**
 * An {@code If-Match} that names a version which is no longer current; answered 412 with what is
 * current, so the client can fetch it and redo its change. Nothing was stored.
 */
public class PreconditionFailed extends RuntimeException {

    /** Extra fields for the JSON answer, e.g. {@code currentVersion}. */
    public final Map<String, Object> fields;

    public PreconditionFailed(String message, Map<String, Object> fields) {
        super(message);
        this.fields = Map.copyOf(fields);
    }
}
