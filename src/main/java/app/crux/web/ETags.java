package app.crux.web;

/**
 * Entity tags of single API resources, made from the number that changes on every edit (a claim's
 * version, a document's revision): {@code "3"}. Strong, because a client sends it back in
 * {@code If-Match}, where only strong tags compare (RFC 9110 13.1.1).
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names; null when absent or {@code *} (any current
     * version matches). A weak tag never matches strongly, so it is refused like any other
     * unusable value: 400, not a silent pass.
     */
    public static Integer ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String tag = header.trim();
        if (tag.length() > 2 && tag.length() <= 12 && tag.startsWith("\"") && tag.endsWith("\"")) {
            String digits = tag.substring(1, tag.length() - 1);
            if (digits.chars().allMatch(Character::isDigit)) {
                return Integer.valueOf(digits);
            }
        }
        throw new BadInput("If-Match must be one entity tag as sent in ETag, e.g. \"3\".");
    }
}
