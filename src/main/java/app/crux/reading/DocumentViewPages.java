package app.crux.reading;

import app.crux.web.ReaderCache;
import app.crux.disagreement.Comparison;
import app.crux.document.Document;
import app.crux.web.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The document page: its text with the passages used as evidence highlighted, and the sources
 * it disagrees with most. It reads evidence and disagreement, which both sit above document,
 * so it lives here rather than beside the import and revision forms in document.
 */
@Blocking
@Path("/documents") // beside DocumentPages: a class path of its own, /documents/{slug}, would shadow /documents/new
@Produces(MediaType.TEXT_HTML)
public class DocumentViewPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(DocumentView view, List<Comparison.Rival> rivals, boolean extractHint);
    }

    /** Set when an editor has seen the one-time hint on selecting text to extract a claim. */
    static final String HINT_SEEN = "crux-hint-extract";
    private static final int HINT_SEEN_FOR = 400 * 24 * 3600;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("{slug}")
    @PermitAll
    @ReaderCache
    public Response show(@PathParam("slug") String slug, @CookieParam(HINT_SEEN) String hintSeen) {
        Document.WithBody read = Document.bySlugWithBody(slug);
        Document document = read.document();
        // an editor's first document page explains how to pull a claim out of it, once per browser:
        // a cookie, so a GET writes nothing to the database and no extra form is needed (docs/decisions.md)
        boolean hint = hintSeen == null && currentUser.isEditor() && !document.citationOnly();
        Response.ResponseBuilder page = Response.ok(Templates.show(DocumentView.of(document, read.body(), currentUser.seesUnpublishedClaims()),
                Comparison.mostDisagreeing(document.id, 5), hint));
        if (hint) {
            page.cookie(new NewCookie.Builder(HINT_SEEN).value("1").path("/documents").maxAge(HINT_SEEN_FOR)
                    .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build());
        }
        return page.build();
    }
}
