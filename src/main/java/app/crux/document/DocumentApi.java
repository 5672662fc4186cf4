package app.crux.document;

import app.crux.web.ReaderCache;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import app.crux.document.importing.DocumentImporter;
import app.crux.account.Role;
import app.crux.web.ETags;
import app.crux.web.ApiPage;
import app.crux.web.PreconditionFailed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.List;

/** Documents over JSON: import, list, read with excerpts, revise. */
@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DocumentApi {

    public record NewDocumentRequest(String title, String url, String author, String publisher, LocalDate publishedOn,
            String kind, String text, String html) {
    }

    /** {@code baseRevision}: the revision the new text was made from; when given and no longer current, 409. */
    public record RevisionRequest(String text, String html, Integer baseRevision) {
    }

    public record DocumentJson(long id, String slug, String title, @Schema(nullable = true) String url,
            @Schema(nullable = true) String author, @Schema(nullable = true) String publisher,
            @Schema(nullable = true) LocalDate publishedOn, String kind, int revision, String text, List<ExcerptJson> excerpts) {
        static DocumentJson of(Document d, List<Excerpt> excerpts) {
            return new DocumentJson(d.id, d.slug, d.title, d.url, d.author, d.publisher, d.publishedOn, d.kind.name(),
                    d.currentRevision, d.body, excerpts.stream().map(ExcerptJson::of).toList());
        }
    }

    public record DocumentSummary(long id, String slug, String title, String kind, @Schema(nullable = true) String author,
            @Schema(nullable = true) String publisher, @Schema(nullable = true) LocalDate publishedOn, boolean citationOnly) {
        static DocumentSummary of(Document d) {
            return new DocumentSummary(d.id, d.slug, d.title, d.kind.name(), d.author, d.publisher, d.publishedOn, d.citationOnly());
        }
    }

    public record RevisionJson(DocumentJson document, int kept, List<Long> changed, List<Long> orphaned) {
    }

    @Inject
    DocumentService documents;

    @Inject
    DocumentImporter importer;

    @POST
    @RolesAllowed(Role.EDITOR_NAME)
    @APIResponse(responseCode = "201", description = "Created; Location names it.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentJson.class)))
    public RestResponse<DocumentJson> create(@Valid @NotNull(message = "Send {title, text | html, ...}.") NewDocumentRequest request) {
        Document document = documents.create(importer.fromApi(request));
        return RestResponse.ResponseBuilder.<DocumentJson>created(URI.create(DocumentPaths.api(document.id)))
                .entity(DocumentJson.of(document, List.of())).build();
    }

    @GET
    @PermitAll
    @ReaderCache
    public RestResponse<List<DocumentSummary>> list(@QueryParam("q") String q, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size, @Context UriInfo uri) {
        ApiPage paging = ApiPage.of(page, size, 50);
        return paging.answer(Document.listMatching(q, paging.number() - 1, paging.size()).stream().map(DocumentSummary::of).toList(),
                Document.countMatching(q), uri);
    }

    @GET
    @Path("{id}")
    @PermitAll
    public RestResponse<DocumentJson> get(@PathParam("id") long id) {
        // read in the request's own session, not a service transaction's, so the lazy body can still load
        Document document = Document.byId(id);
        // the ETag is the revision: every change of a document's text is a new revision
        return RestResponse.ResponseBuilder.ok(DocumentJson.of(document, Excerpt.ofDocument(id)))
                .header(HttpHeaders.ETAG, ETags.of(document.currentRevision)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.EDITOR_NAME)
    public RestResponse<RevisionJson> revise(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull(message = "Send {text} or {html}.") RevisionRequest request) {
        Integer matched = ETags.ifMatch(ifMatch);
        if (matched != null) {
            int current = documents.find(id).currentRevision;
            if (matched != current) {
                throw new PreconditionFailed("Someone saved revision " + current + " after the revision " + matched
                        + " you edited. Reload it and make your change again.", Map.of("currentRevision", current));
            }
        }
        String text = importer.fromApiRevision(request.text(), request.html());
        // If-Match names the base revision; the service's own check covers a save between here and there (409)
        var revision = documents.revise(id, text, matched != null ? matched : request.baseRevision());
        // the new revision's tag, so a client can revise again without reading the document first
        return RestResponse.ResponseBuilder.ok(new RevisionJson(DocumentJson.of(revision.document(), Excerpt.ofDocument(id)),
                revision.kept(), revision.changed(), revision.orphaned()))
                .header(HttpHeaders.ETAG, ETags.of(revision.document().currentRevision)).build();
    }
}
