package app.crux.web;

import app.crux.Sha256;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * Conditional GETs for {@link ReaderCache} resources. The entity tag is the data's version
 * ({@link DataVersion}, one query) plus who is asking: anonymous readers share one tag; a signed-in
 * person's tag also covers their id and their cookies (their role, blind-rating state and the CSRF
 * token in their forms). A matching If-None-Match is answered 304 before the resource runs, so no
 * rendering and no other query. Anonymous answers may be kept by a shared cache for a few seconds
 * ({@code public, max-age}); signed-in answers are {@code private, no-cache}: only the browser keeps
 * them, and it asks again every time. A request carrying a flash message is never answered from a
 * cache: the message is shown once.
 */
@Provider
@ReaderCache
// response filters run from the highest priority down: this one before quarkus-rest-csrf's (USER)
@Priority(Priorities.USER + 500)
public class ReaderCacheFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** Short enough that a reader sees a new vote within seconds when a shared cache sits in front. */
    static final int ANONYMOUS_MAX_AGE_SECONDS = 10;
    private static final String VERSION = "crux.reader-cache.version";
    private static final String TAG = "crux.reader-cache.tag";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @Inject
    DataVersion dataVersion;

    @Inject
    CurrentUser currentUser;

    @Inject
    CurrentVertxRequest vertxRequest;

    @Inject
    ReaderVersion readerVersion;

    /**
     * Where quarkus-rest-csrf's request filter notes that it made a token and its response filter must
     * set the cookie (its key is literally "true"; see also {@link CsrfField}'s "csrf_token").
     */
    private static final String CSRF_NEW_COOKIE = "true";

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method) || request.getCookies().containsKey(Flash.COOKIE)) {
            return;
        }
        DataVersion.Version version = dataVersion.current();
        String tag = "W/\"" + version.tag() + viewer(request) + "\"";
        request.setProperty(VERSION, version);
        readerVersion.seen(version);
        request.setProperty(TAG, tag);
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            Response.ResponseBuilder notModified = Response.notModified();
            headers(version, tag, !currentUser.loggedIn()).forEach(notModified::header);
            request.abortWith(notModified.build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        DataVersion.Version version = (DataVersion.Version) request.getProperty(VERSION);
        if (version == null || response.getStatus() != 200) {
            return;
        }
        boolean anonymous = !currentUser.loggedIn();
        if (anonymous && vertxRequest.getCurrent() != null) {
            // reader pages hold no post form for anonymous readers, so they need no CSRF cookie; handing
            // one out would make every answer private (a shared cache must not give one token to many)
            vertxRequest.getCurrent().remove(CSRF_NEW_COOKIE);
        }
        // an answer that sets a cookie belongs to one browser, whoever asked
        boolean shared = anonymous && !response.getHeaders().containsKey(HttpHeaders.SET_COOKIE);
        // API resources that already carry their version as a strong ETag (for If-Match) keep it
        boolean ownTag = response.getHeaders().containsKey(HttpHeaders.ETAG);
        headers(version, (String) request.getProperty(TAG), shared).forEach((name, value) -> {
            if (!(ownTag && name.equals(HttpHeaders.ETAG))) {
                response.getHeaders().putSingle(name, value);
            }
        });
    }

    private static java.util.Map<String, String> headers(DataVersion.Version version, String tag, boolean shared) {
        var headers = new java.util.LinkedHashMap<String, String>();
        headers.put(HttpHeaders.ETAG, tag);
        if (version.lastChange() != null) {
            headers.put(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(version.lastChange()));
        }
        headers.put(HttpHeaders.CACHE_CONTROL, shared ? "public, max-age=" + ANONYMOUS_MAX_AGE_SECONDS : "private, no-cache");
        // the same address answers differently once signed in: a shared cache must not mix the two
        headers.put(HttpHeaders.VARY, "Cookie, Authorization");
        return headers;
    }

    /** The viewer's part of the tag: nothing for anonymous readers, a hash of who they are and their cookies otherwise. */
    private String viewer(ContainerRequestContext request) {
        if (!currentUser.loggedIn()) {
            return "";
        }
        String cookies = request.getHeaderString(HttpHeaders.COOKIE);
        return "-" + Sha256.hex(currentUser.id() + "|" + (cookies == null ? "" : cookies)).substring(0, 16);
    }

    /**
     * If-None-Match: a list of tags, compared weakly (RFC 9110 13.1.2). {@code *} ("any current
     * representation") is not taken: whether one exists is known only once the resource has run.
     */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank() || ifNoneMatch.length() > 2000) {
            return false;
        }
        String opaque = opaque(tag);
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(candidate -> opaque(candidate).equals(opaque));
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
