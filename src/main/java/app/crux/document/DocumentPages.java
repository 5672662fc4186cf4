package app.crux.document;

import app.crux.web.HtmlPage;
import app.crux.document.importing.DocumentImporter;
import app.crux.document.importing.ImportForm;
import app.crux.document.importing.ImportRefused;
import app.crux.account.Role;
import app.crux.web.BadInput;
import app.crux.web.Conflict;
import app.crux.web.Enums;
import app.crux.web.Flash;
import app.crux.web.Paging;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;
import java.util.List;

/** The documents list, import form and revision form (the document page itself reads evidence: reading.DocumentViewPages). */
@Blocking
@Path("/documents")
@Produces(MediaType.TEXT_HTML)
public class DocumentPages {

    static final int PAGE_SIZE = 25;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Document> documents, String q, Paging paging, String pagerBase);

        static native TemplateInstance create(ImportForm form, List<Kind> kinds, List<String> problems, Document existing);

        static native TemplateInstance revise(Document document, String text, List<String> problems);

        static native TemplateInstance edit(Document document, DetailsForm form, List<Kind> kinds, List<String> problems,
                DetailsForm unsaved, Document existing);
    }

    @Inject
    DocumentService documents;

    @Inject
    DocumentImporter importer;

    @GET
    @PermitAll
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("page") Integer page) {
        Paging paging = Paging.of(page, PAGE_SIZE, Document.countMatching(q));
        return Templates.list(Document.listMatching(q, paging.index(), PAGE_SIZE), q == null ? "" : q, paging,
                Paging.base("/documents", "q", q));
    }

    @GET
    @Path("new")
    @RolesAllowed(Role.EDITOR_NAME)
    public TemplateInstance createForm() {
        return Templates.create(ImportForm.EMPTY, List.of(Kind.values()), List.of(), null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.EDITOR_NAME)
    public Response create(@RestForm String title, @RestForm String url, @RestForm String author, @RestForm String publisher,
            @RestForm String publishedOn, @RestForm String kind, @RestForm String text, @RestForm String fetchUrl,
            @RestForm String citationOnly, @RestForm("file") FileUpload file) {
        var form = new ImportForm(title, url, author, publisher, publishedOn, kind, text, fetchUrl, "on".equals(citationOnly));
        try {
            Document document = documents.create(importer.fromForm(form, file));
            return Flash.redirect(URI.create(DocumentPaths.of(document.slug)),
                    document.citationOnly() ? "Source added." : "Imported. Select a passage to pull a claim out of it.");
        } catch (Conflict e) {
            Document existing = Document.findById(e.fields.get("existingId"));
            if (e.fields.containsKey("matchedUrl")) {
                // an address Crux already has: the answer is that document, not a form to fill again
                return Flash.redirect(URI.create(DocumentPaths.of(existing.slug)), Flash.Kind.ALERT,
                        "This address is already in Crux: here is the document. Nothing was imported.");
            }
            return rerender(409, form, List.of(e.getMessage()), existing);
        } catch (BadInput e) {
            return rerender(400, form, BadInput.problems(e), null);
        } catch (ImportRefused e) {
            return rerender(e.reason == ImportRefused.Reason.TOO_LARGE ? 413 : 400, form, List.of(e.getMessage()), null);
        }
    }

    @GET
    @Path("{slug}/revise")
    @RolesAllowed(Role.EDITOR_NAME)
    public TemplateInstance reviseForm(@PathParam("slug") String slug) {
        Document document = Document.bySlug(slug);
        return Templates.revise(document, document.body == null ? "" : document.body, List.of());
    }

    @POST
    @Path("{slug}/revise")
    @RolesAllowed(Role.EDITOR_NAME)
    public Response revise(@PathParam("slug") String slug, @RestForm String text, @RestForm Integer baseRevision) {
        Document document = Document.bySlug(slug);
        try {
            var revision = documents.revise(document.id, importer.normalizePasted(text), baseRevision);
            String message = "Revision " + revision.document().currentRevision + " saved: " + revision.kept() + " passage(s) kept"
                    + (revision.changed().isEmpty() ? "" : ", " + revision.changed().size() + " found with different words")
                    + (revision.orphaned().isEmpty() ? "" : ", " + revision.orphaned().size() + " no longer found (see below)")
                    + ".";
            boolean attention = !revision.changed().isEmpty() || !revision.orphaned().isEmpty();
            return Flash.redirect(URI.create(DocumentPaths.of(slug)), attention ? Flash.Kind.ALERT : Flash.Kind.NOTICE, message);
        } catch (BadInput | Conflict | ImportRefused e) {
            int status = e instanceof Conflict ? 409 : 400;
            // read again: after a clash the form must offer the revision that is current now
            Document.getEntityManager().refresh(document);
            return HtmlPage.status(status, Templates.revise(document, text == null ? "" : text, List.of(e.getMessage())));
        }
    }

    @GET
    @Path("{slug}/edit")
    @RolesAllowed(Role.EDITOR_NAME)
    public TemplateInstance editForm(@PathParam("slug") String slug) {
        Document document = Document.bySlug(slug);
        return Templates.edit(document, DetailsForm.of(document, DocumentUrls.of(document.id)), List.of(Kind.values()), List.of(),
                null, null);
    }

    @POST
    @Path("{slug}/edit")
    @RolesAllowed(Role.EDITOR_NAME)
    public Response edit(@PathParam("slug") String slug, @RestForm Integer version, @RestForm String title, @RestForm String url,
            @RestForm String otherUrls, @RestForm String author, @RestForm String publisher, @RestForm String publishedOn,
            @RestForm String kind) {
        Document document = Document.bySlug(slug);
        var form = new DetailsForm(version == null ? -1 : version, title, url, otherUrls, author, publisher, publishedOn, kind);
        var kinds = List.of(Kind.values());
        try {
            if (version == null) {
                throw new BadInput("The form lost the version you edited; reload the page and try again.");
            }
            Kind chosen = kind == null || kind.isBlank() ? null
                    : Enums.parse(Kind.class, kind).orElseThrow(() -> new BadInput("Choose one of the kinds offered."));
            // a form sends every field: empty ones clear the stored value, and the title may not be emptied
            documents.edit(document.id, new DocumentService.MetadataEdit(version, title == null ? "" : title, url == null ? "" : url,
                    form.otherUrlList(), author == null ? "" : author, publisher == null ? "" : publisher,
                    publishedOn == null ? "" : publishedOn, chosen));
            return Flash.redirect(URI.create(DocumentPaths.of(document.slug)), "Details saved.");
        } catch (StaleDocument stale) {
            // read in the service's own transaction: the one this request started with is stale by definition
            Document current = documents.find(document.id);
            return HtmlPage.status(409, Templates.edit(current, DetailsForm.of(current, DocumentUrls.of(current.id)), kinds,
                    List.of(stale.getMessage()), form, null));
        } catch (Conflict e) {
            Document existing = Document.findById(e.fields.get("existingId"));
            return HtmlPage.status(409, Templates.edit(document, form, kinds, List.of(e.getMessage()), null, existing));
        } catch (BadInput e) {
            return HtmlPage.status(400, Templates.edit(document, form, kinds, BadInput.problems(e), null, null));
        }
    }

    private Response rerender(int status, ImportForm form, List<String> problems, Document existing) {
        return HtmlPage.status(status, Templates.create(form, List.of(Kind.values()), problems, existing));
    }
}
