package app.crux.reading;

import app.crux.disagreement.Comparison;
import app.crux.document.Document;
import app.crux.web.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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
        static native TemplateInstance show(DocumentView view, List<Comparison.Rival> rivals);
    }

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("{slug}")
    @PermitAll
    public TemplateInstance show(@PathParam("slug") String slug) {
        Document document = Document.bySlug(slug);
        return Templates.show(DocumentView.of(document, currentUser.seesUnpublishedClaims()), Comparison.mostDisagreeing(document.id, 5));
    }
}
