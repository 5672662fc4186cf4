package app.crux.web;

/**
 * Where to send someone back to after a form, when the address comes from the request
 * ({@code back=...}). Only same-site paths pass: anything a browser could read as another
 * host ({@code //evil}, {@code /\evil}, {@code https://x}) or that breaks the Location
 * header (control characters) falls back to a fixed page.
 */
public final class ReturnAddress {

    private static final int MAX_LENGTH = 2000;

    private ReturnAddress() {
    }

    /** {@code back} if it is a same-site path, otherwise {@code fallback}. */
    public static String sameSite(String back, String fallback) {
        return isSameSitePath(back) ? back : fallback;
    }

    public static boolean isSameSitePath(String back) {
        if (back == null || back.isEmpty() || back.length() > MAX_LENGTH || back.charAt(0) != '/') {
            return false;
        }
        if (back.startsWith("//") || back.indexOf('\\') >= 0) {
            return false;
        }
        for (int i = 0; i < back.length(); i++) {
            char c = back.charAt(i);
            // control characters, and anything outside printable ASCII a browser might "fix up" into a host
            if (c < 0x21 || c >= 0x7f) {
                return false;
            }
        }
        String lower = back.toLowerCase(java.util.Locale.ROOT);
        // percent-encoded slashes, backslashes and controls turn into the above once decoded
        if (lower.contains("%5c") || lower.startsWith("/%2f") || lower.startsWith("/%5c") || lower.matches(".*%[01][0-9a-f].*|.*%7f.*")) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(back);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
