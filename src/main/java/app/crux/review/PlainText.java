package app.crux.review;

import app.crux.web.BadInput;

/**
 * Text people write to each other in a discussion: plain text (pages escape it, so markup shows
 * as typed), trimmed, not empty, bounded, and without control characters other than line breaks and tabs.
 */
final class PlainText {

    private PlainText() {
    }

    static String check(String text, int max, String what) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new BadInput("Write the " + what + " first.");
        }
        if (stripped.length() > max) {
            throw new BadInput("The " + what + " is longer than " + max + " characters.");
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new BadInput("The " + what + " holds control characters; send plain text.");
        }
        return stripped;
    }
}
