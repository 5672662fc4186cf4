package app.crux.web;

import java.util.Map;

/** The request clashes with what is stored (duplicate, stale edit); answered 409 with what is there. */
public class Conflict extends RuntimeException {

    /** Extra fields for the JSON answer, e.g. {@code existingId}. */
    public final Map<String, Object> fields;

    public Conflict(String message, Map<String, Object> fields) {
        super(message);
        this.fields = Map.copyOf(fields);
    }

    public Conflict(String message) {
        this(message, Map.of());
    }
}
