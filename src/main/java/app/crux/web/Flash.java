package app.crux.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import io.vertx.core.http.HttpServerRequest;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One-time messages across post-redirect-get ("Claim saved."): set on the
 * redirect as a short-lived cookie, shown by the next page ({@code inject:flash}),
 * then deleted by {@link FlashFilter}.
 */
@Named("flash")
@RequestScoped
public class Flash {

    static final String COOKIE = "crux-flash";

    @Inject
    HttpServerRequest request;

    public enum Kind { NOTICE, ALERT }

    /** 303 See Other to {@code location}, carrying a message for the next page. */
    public static Response redirect(URI location, Kind kind, String message) {
        String value = URLEncoder.encode(kind.name() + ":" + message, StandardCharsets.UTF_8);
        NewCookie cookie = new NewCookie.Builder(COOKIE).value(value).path("/").maxAge(120)
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(location).cookie(cookie).build();
    }

    public static Response redirect(URI location, String notice) {
        return redirect(location, Kind.NOTICE, notice);
    }

    public boolean present() {
        return raw() != null;
    }

    public String message() {
        String raw = raw();
        return raw == null ? null : raw.substring(raw.indexOf(':') + 1);
    }

    public boolean alert() {
        String raw = raw();
        return raw != null && raw.startsWith(Kind.ALERT.name() + ":");
    }

    private String raw() {
        var cookie = request.getCookie(COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return null;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // bad percent-encoding ("%"): not a message we wrote; ignore it (FlashFilter deletes it)
            return null;
        }
        return decoded.indexOf(':') > 0 && (decoded.startsWith(Kind.NOTICE.name() + ":") || decoded.startsWith(Kind.ALERT.name() + ":"))
                ? decoded : null;
    }
}
