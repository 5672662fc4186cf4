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
import jakarta.ws.rs.PATCH;
import jakarta.validation.constraints.Size;
import app.crux.web.BadInput;
import app.crux.web.Conflict;
import app.crux.web.Enums;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    /**
     * {@code url} is the main address, {@code urls} all of them (main first). {@code version} rises with every revision
     * and metadata edit and is the ETag; {@code revision} counts the texts.
     */
    public record DocumentJson(long id, String slug, String title, @Schema(nullable = true) String url, List<String> urls,
            @Schema(nullable = true) String author, @Schema(nullable = true) String publisher,
            @Schema(nullable = true) LocalDate publishedOn, String kind, int revision, int version, String text,
            List<ExcerptJson> excerpts) {
        static DocumentJson of(Document d, List<Excerpt> excerpts) {
            return new DocumentJson(d.id, d.slug, d.title, d.url, DocumentUrls.of(d.id), d.author, d.publisher, d.publishedOn,
                    d.kind.name(), d.currentRevision, d.version, d.body, excerpts.stream().map(ExcerptJson::of).toList());
        }
    }

    /**
     * A correction of the details; a field left out (or null) keeps its value, an empty one clears it.
     * {@code otherUrls}: every address besides the main one (the list replaces the stored one).
     * {@code version}: the one edited, for optimistic locking; may be left out when {@code If-Match} names it.
     */
    public record DocumentEdit(Integer version, @Size(max = 300, message = "at most 300 characters") String title,
            @Size(max = 2000, message = "at most 2000 characters") String url,
            @Size(max = DocumentService.MAX_URLS, message = "at most " + DocumentService.MAX_URLS + " addresses") List<@Size(max = 2000, message = "at most 2000 characters") String> otherUrls,
            @Size(max = 300, message = "at most 300 characters") String author,
            @Size(max = 300, message = "at most 300 characters") String publisher,
            @Schema(description = "YYYY-MM-DD, or empty to clear") @Size(max = 10, message = "YYYY-MM-DD") String publishedOn,
            String kind) {
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
    @APIResponse(responseCode = "201", description = "Imported; Location names it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentJson.class)))
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
        long total = Document.countMatching(q);
        // a page past the end is empty without asking (and its number times the size may not fit an int)
        List<DocumentSummary> items = paging.offset() >= total ? List.of()
                : Document.listMatching(q, paging.number() - 1, paging.size()).stream().map(DocumentSummary::of).toList();
        return paging.answer(items, total, uri);
    }

    @GET
    @Path("{id}")
    @PermitAll
    public RestResponse<DocumentJson> get(@PathParam("id") long id) {
        // read in the request's own session, not a service transaction's, so the lazy body can still load
        return tagged(Document.byId(id));
    }

    /** The document with its ETag: its version, which every revision and metadata edit raises. */
    private static RestResponse<DocumentJson> tagged(Document document) {
        return RestResponse.ResponseBuilder.ok(DocumentJson.of(document, Excerpt.ofDocument(document.id)))
                .header(HttpHeaders.ETAG, ETags.of(document.version)).build();
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Role.EDITOR_NAME)
    public RestResponse<DocumentJson> edit(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull(message = "Send {version, title?, url?, otherUrls?, author?, publisher?, publishedOn?, kind?}.") DocumentEdit request) {
        Integer matched = ETags.ifMatch(ifMatch);
        Integer version = matched != null ? matched : request.version();
        if (version == null) {
            throw new BadInput("Send the version you edited, for optimistic locking (in the body, or as If-Match).",
                    List.of("version: missing"));
        }
        Kind kind = request.kind() == null ? null : Enums.parseOr400(Kind.class, request.kind(),
                "Unknown kind '" + request.kind() + "'; use ARTICLE, STUDY, REVIEW, GUIDELINE, TRANSCRIPT or OTHER.");
        try {
            documents.edit(id, new DocumentService.MetadataEdit(version, request.title(), request.url(), request.otherUrls(),
                    request.author(), request.publisher(), request.publishedOn(), kind));
        } catch (StaleDocument stale) {
            DocumentJson current = DocumentJson.of(Document.byId(id), Excerpt.ofDocument(id));
            if (matched != null) {
                throw new PreconditionFailed(stale.getMessage(), Map.of("currentVersion", current.version(), "current", current));
            }
            throw new Conflict(stale.getMessage(), Map.of("current", current));
        }
        return tagged(Document.byId(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.EDITOR_NAME)
    public RestResponse<RevisionJson> revise(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull(message = "Send {text} or {html}.") RevisionRequest request) {
        Integer matched = ETags.ifMatch(ifMatch);
        Integer baseRevision = request.baseRevision();
        if (matched != null) {
            Document current = documents.find(id);
            if (matched != current.version) {
                throw new PreconditionFailed("Someone changed this document (now version " + current.version + ", revision "
                        + current.currentRevision + ") after the version " + matched + " you edited. Reload it and make your change again.",
                        Map.of("currentVersion", current.version, "currentRevision", current.currentRevision));
            }
            baseRevision = current.currentRevision;
        }
        String text = importer.fromApiRevision(request.text(), request.html());
        // If-Match names the version read; the service's own check of its revision covers a save between here and there (409)
        var revision = documents.revise(id, text, baseRevision);
        // the new version's tag, so a client can revise again without reading the document first
        return RestResponse.ResponseBuilder.ok(new RevisionJson(DocumentJson.of(revision.document(), Excerpt.ofDocument(id)),
                revision.kept(), revision.changed(), revision.orphaned()))
                .header(HttpHeaders.ETAG, ETags.of(revision.document().version)).build();
    }
}
