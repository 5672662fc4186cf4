package app.crux.evidence;

import app.crux.web.HtmlPage;
import app.crux.document.DocumentPaths;
import app.crux.account.Role;
import app.crux.claim.Claim;
import app.crux.claim.ClaimService;
import app.crux.claim.DuplicateFinder;
import app.crux.document.Document;
import app.crux.web.BadInput;
import app.crux.web.Conflict;
import app.crux.web.Flash;
import app.crux.web.ReturnAddress;
import app.crux.web.QuoteNotFound;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/**
 * The document page's two passage actions: a new claim from a passage, or the
 * passage attached to an existing claim. Problems re-show the form, filled in, so nothing typed is lost.
 */
@Blocking
@Path("/documents/{slug}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.EDITOR_NAME)
public class PassagePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance passage(Document document, PassageForm form, boolean attach, List<String> problems,
                List<DuplicateFinder.Similar> similar);
    }

    @Inject
    Validator validator;

    @Inject
    EvidenceService evidence;

    @Inject
    DuplicateFinder duplicates;

    @POST
    @Path("claims")
    public Response newClaim(@PathParam("slug") String slug, @BeanParam PassageForm form) {
        Document document = Document.bySlug(slug);
        List<String> invalid = invalid(form);
        if (!invalid.isEmpty()) {
            return again(400, document, form, false, invalid, List.of());
        }
        List<DuplicateFinder.Similar> similar = duplicates.similarTo(form.statement, null);
        if (!similar.isEmpty() && !form.confirmed()) {
            return again(409, document, form, false, List.of("Claims like this one exist already. Attach the passage to one of "
                    + "them, or confirm that yours says something different."), similar);
        }
        try {
            var created = evidence.claimFrom(new ClaimService.NewClaim(form.statement, form.tagList(), null),
                    new EvidenceService.Source(document.id, form.passage(), form.context()), similar);
            return Flash.redirect(URI.create(DocumentPaths.passage(slug, created.evidence().excerpt.id)),
                    "Claim created: “" + created.claim().statement + "”.");
        } catch (BadInput | QuoteNotFound | Conflict e) {
            return again(e instanceof QuoteNotFound ? 422 : e instanceof Conflict ? 409 : 400, document, form, false,
                    BadInput.problems(e), List.of());
        }
    }

    @POST
    @Path("evidence")
    public Response attach(@PathParam("slug") String slug, @BeanParam PassageForm form) {
        Document document = Document.bySlug(slug);
        List<String> invalid = invalid(form);
        if (!invalid.isEmpty()) {
            return again(400, document, form, true, invalid, List.of());
        }
        Claim claim = form.claim == null ? null : Claim.findBySlug(form.claim.strip()).orElse(null);
        if (claim == null) {
            return again(400, document, form, true, List.of("Choose the claim from the suggestions (its slug, e.g. "
                    + "“tight-hamstrings-tilt-the-pelvis”)."), List.of());
        }
        try {
            Evidence attached = evidence.attach(claim.id, new EvidenceService.NewEvidence(document.id, form.stanceOrNull(),
                    form.passage(), form.note, form.context()));
            String back = ReturnAddress.isSameSitePath(form.back) ? form.back + "#evidence-" + attached.id
                    : DocumentPaths.passage(slug, attached.excerpt.id);
            return Flash.redirect(URI.create(back),
                    "Passage attached to “" + claim.statement + "” as " + attached.stance.label.toLowerCase() + " evidence.");
        } catch (BadInput | QuoteNotFound | Conflict e) {
            return again(e instanceof QuoteNotFound ? 422 : e instanceof Conflict ? 409 : 400, document, form, true,
                    BadInput.problems(e), List.of());
        }
    }

    /** The form's own constraints (lengths), as messages for the re-shown form. */
    private List<String> invalid(PassageForm form) {
        return validator.validate(form).stream().map(v -> v.getMessage()).sorted().toList();
    }

    private static Response again(int status, Document document, PassageForm form, boolean attach, List<String> problems,
            List<DuplicateFinder.Similar> similar) {
        return HtmlPage.status(status, Templates.passage(document, form, attach, problems, similar));
    }
}
