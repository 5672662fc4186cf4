package app.crux.document;

import app.crux.account.Role;
import app.crux.document.anchoring.Passage;
import app.crux.web.BadInput;
import app.crux.web.Conflict;
import app.crux.web.Flash;
import app.crux.web.QuoteNotFound;
import app.crux.web.ReturnAddress;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;

/**
 * The three ways an editor resolves a passage that needs attention after a revision, from the
 * document page or the review tab: re-select it (selection popover, or its exact words pasted),
 * accept its changed wording, or retire it. Each sends the editor back where they came from.
 */
@Blocking
@Path("/documents") // beside DocumentPages and reading.DocumentViewPages, for the reason given there
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.EDITOR_NAME)
public class PassageResolutionPages {

    @Inject
    PassageResolution resolution;

    @POST
    @Path("{slug}/passages/reselect")
    public Response reselect(@PathParam("slug") String slug, @RestForm Long excerpt, @RestForm Integer revision,
            @RestForm String exact, @RestForm String prefix, @RestForm String suffix, @RestForm String start,
            @RestForm String end, @RestForm String back) {
        Document document = Document.bySlug(slug);
        Passage passage = new Passage(number(start), number(end), exact, prefix, suffix);
        return act(document, back, () -> resolution.reselect(document.id, required(excerpt), revision, passage),
                "Passage re-selected in the current text.");
    }

    @POST
    @Path("{slug}/passages/accept")
    public Response accept(@PathParam("slug") String slug, @RestForm Long excerpt, @RestForm Integer revision,
            @RestForm String back) {
        Document document = Document.bySlug(slug);
        return act(document, back, () -> resolution.accept(document.id, required(excerpt), revision),
                "New wording accepted.");
    }

    @POST
    @Path("{slug}/passages/retire")
    public Response retire(@PathParam("slug") String slug, @RestForm Long excerpt, @RestForm Integer revision,
            @RestForm String back) {
        Document document = Document.bySlug(slug);
        return act(document, back, () -> resolution.retire(document.id, required(excerpt), revision),
                "Passage retired: it is no longer highlighted or listed.");
    }

    /** Post-redirect-get either way: a refusal comes back as an alert on the page the editor was on. */
    private static Response act(Document document, String back, Runnable action, String done) {
        URI to = URI.create(ReturnAddress.sameSite(back, DocumentPaths.attention(document.slug)));
        try {
            action.run();
            return Flash.redirect(to, done);
        } catch (BadInput | Conflict | QuoteNotFound e) {
            return Flash.redirect(to, Flash.Kind.ALERT, e.getMessage());
        }
    }

    private static long required(Long excerpt) {
        if (excerpt == null) {
            throw new BadInput("Say which passage to resolve.");
        }
        return excerpt;
    }

    private static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
