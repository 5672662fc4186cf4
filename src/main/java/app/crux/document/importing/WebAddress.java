package app.crux.document.importing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Addresses an editor gives, and the ones servers redirect to: http(s) with a host, nothing else. */
final class WebAddress {

    private WebAddress() {
    }

    static URI parse(String address) {
        if (address == null || address.isBlank()) {
            throw new ImportRefused(ImportRefused.Reason.EMPTY, "Give the address of the page to import.");
        }
        try {
            return web(new URI(address.strip()), "Give an http:// or https:// address.");
        } catch (URISyntaxException e) {
            throw new ImportRefused(ImportRefused.Reason.UNSUPPORTED_TYPE, "That is not a web address (" + e.getReason()
                    + "); copy it from the browser's address bar.");
        }
    }

    /** The Location of a redirect, resolved against the address that sent it. */
    static URI redirect(URI from, String location) {
        try {
            return web(from.resolve(new URI(location.strip())), "The page redirects to a non-web address (" + location
                    + "); Crux only follows http:// and https:// redirects.");
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ImportRefused(ImportRefused.Reason.UNREACHABLE, from.getHost() + " redirects to a broken address ("
                    + location + ").");
        }
    }

    private static URI web(URI uri, String refusal) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ImportRefused(ImportRefused.Reason.UNSUPPORTED_TYPE, refusal);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new ImportRefused(ImportRefused.Reason.UNSUPPORTED_TYPE, "The address has no valid host name.");
        }
        try {
            // the fragment is never sent to the server, and the final URL is stored without it
            return new URI(uri.getScheme(), uri.getRawAuthority() == null ? null : uri.getAuthority(), uri.getPath(),
                    uri.getQuery(), null);
        } catch (URISyntaxException e) {
            return uri;
        }
    }

    static String statusName(int status) {
        return switch (status) {
            case 401, 403 -> " (access denied; the page may need a login)";
            case 404, 410 -> " (page not found)";
            case 429 -> " (too many requests; try again later)";
            default -> status >= 500 ? " (a server error)" : "";
        };
    }
}
