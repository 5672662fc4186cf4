package app.crux.web;

/** Plain-words messages for refusals that carry none of their own, and never the framework's text. */
final class Refusals {

    private Refusals() {
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "The form could not be accepted. If you had it open for a long time, reload the page and try again.";
            case 401 -> "Sign in first.";
            case 403 -> "This is not allowed for your account.";
            case 404 -> "There is nothing at this address. It may have been moved or never existed.";
            case 405 -> "This address does not accept that kind of request.";
            case 406, 415 -> "This address does not accept or produce that format.";
            case 413 -> "The request is too large.";
            default -> "The request was refused.";
        };
    }
}
