package app.crux.web;

import java.util.List;

/** Input that cannot be used, with one message per problem; answered 400 (API) or the form re-rendered. */
public class BadInput extends RuntimeException {

    public final List<String> details;

    public BadInput(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    public BadInput(String message) {
        this(message, List.of());
    }

    /** What a form shows for a refused write: a BadInput's list of problems, else the exception's one message. */
    public static List<String> problems(RuntimeException e) {
        return e instanceof BadInput bad && !bad.details.isEmpty() ? bad.details : List.of(e.getMessage());
    }
}
