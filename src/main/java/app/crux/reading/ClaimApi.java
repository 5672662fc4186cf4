package app.crux.reading;

import app.crux.web.Enums;
import app.crux.claim.Claim;
import app.crux.claim.ClaimPaths;
import app.crux.claim.ClaimService;
import app.crux.claim.ClaimStatus;
import app.crux.claim.ClaimVisibility;
import app.crux.claim.DuplicateFinder;
import app.crux.claim.StaleClaim;
import app.crux.account.Role;
import app.crux.document.anchoring.Passage;
import app.crux.evidence.EvidenceJson;
import app.crux.evidence.EvidenceService;
import app.crux.review.BlindRating;
import app.crux.web.BadInput;
import app.crux.web.Conflict;
import app.crux.web.ETags;
import app.crux.web.PreconditionFailed;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Claims over JSON: create (optionally from a passage), read, edit, retract, restore (merging: {@link MergeApi}), and
 * type-ahead lookups. Reads answer 404 for claims the caller may not see ({@link ClaimVisibility}).
 */
@Path("/api/claims")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClaimApi {

    public record SourceRequest(@NotNull(message = "source.documentId is missing.") Long documentId, String exact, String prefix, String suffix, Integer start, Integer end,
            String population, String intervention, String comparison, String outcome, String studyType) {
    }

    public record NewClaimRequest(String statement, List<String> tags, String status, @Valid SourceRequest source) {
    }

    /** {@code version}: the one edited, for optimistic locking; may be left out when an {@code If-Match} header names it. */
    public record EditRequest(Integer version, String statement, List<String> tags, String status) {
    }

    public record ClaimSummary(long id, String slug, String statement) {
    }

    /** The new claim, the evidence made from its source passage (or null), and existing claims that read alike. */
    public record ClaimCreated(long id, String slug, String statement, List<String> tags, String status, int version,
            EvidenceJson evidence, List<DuplicateFinder.Similar> similar) {
    }

    @Inject
    ClaimService claims;

    @Inject
    DuplicateFinder duplicates;

    @Inject
    EvidenceService evidence;

    @Inject
    ClaimVisibility visibility;

    @Inject
    BlindRating blind;

    @POST
    @RolesAllowed(Role.EDITOR_NAME)
    @APIResponse(responseCode = "201", description = "Created; Location names it.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimCreated.class)))
    public RestResponse<ClaimCreated> create(@Valid @NotNull(message = "Send {statement, tags?, source?}.") NewClaimRequest request) {
        EvidenceService.Source source = null;
        if (request.source() != null) {
            SourceRequest s = request.source();
            source = new EvidenceService.Source(s.documentId(), new Passage(s.start(), s.end(), s.exact(), s.prefix(), s.suffix()),
                    new EvidenceService.Context(s.population(), s.intervention(), s.comparison(), s.outcome(), s.studyType()));
        }
        var created = evidence.claimFrom(new ClaimService.NewClaim(request.statement(), request.tags(), status(request.status())), source);
        Claim claim = created.claim();
        var body = new ClaimCreated(claim.id, claim.slug, claim.statement, claim.tagNames(), claim.status.name(), claim.version,
                created.evidence() == null ? null : EvidenceJson.of(created.evidence()), created.similar());
        return RestResponse.ResponseBuilder.<ClaimCreated>created(URI.create(ClaimPaths.api(claim.id))).entity(body).build();
    }

    @GET
    @PermitAll
    public List<ClaimSummary> search(@QueryParam("q") String q) {
        return Claim.listMatching(q, visibility.suggested(), 0, 10).stream().map(c -> new ClaimSummary(c.id, c.slug, c.statement)).toList();
    }

    @GET
    @Path("similar")
    @PermitAll
    public List<DuplicateFinder.Similar> similar(@QueryParam("q") String q, @QueryParam("exclude") Long exclude) {
        return duplicates.similarTo(q, exclude, visibility.suggested());
    }

    @GET
    @Path("{id}")
    @PermitAll
    public RestResponse<ClaimJson> get(@PathParam("id") long id) {
        return tagged(ClaimJson.of(ClaimView.of(visibility.require(load(id), id)), blind));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Role.EDITOR_NAME)
    public RestResponse<ClaimJson> edit(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull(message = "Send {version, statement?, tags?, status?}: the version you edited, for optimistic locking.") EditRequest request) {
        Integer matched = ETags.ifMatch(ifMatch);
        // If-Match names the version edited; without it the body's version does, as before
        Integer version = matched != null ? matched : request.version();
        if (version == null) {
            throw new BadInput("Send the version you edited, for optimistic locking (in the body, or as If-Match).",
                    List.of("version: missing"));
        }
        try {
            claims.edit(id, new ClaimService.Edit(version, request.statement(), request.tags(), status(request.status())));
        } catch (StaleClaim stale) {
            ClaimJson current = ClaimJson.of(ClaimView.of(load(id)), blind);
            if (matched != null) {
                throw new PreconditionFailed(stale.getMessage(), Map.of("currentVersion", current.version(), "current", current));
            }
            // answered 409 by the Conflict mapper, with the claim as it is now so the client can redo its edit
            throw new Conflict(stale.getMessage(), Map.of("current", current));
        }
        return tagged(ClaimJson.of(ClaimView.of(load(id)), blind));
    }

    /** The claim with its ETag: its version, which every edit raises. */
    private static RestResponse<ClaimJson> tagged(ClaimJson claim) {
        return RestResponse.ResponseBuilder.ok(claim).header(HttpHeaders.ETAG, ETags.of(claim.version())).build();
    }

    /** Retracting is its own action, audited as such: the claim disappears for readers (404) until restored. */
    @POST
    @Path("{id}/retract")
    @RolesAllowed(Role.EDITOR_NAME)
    public ClaimJson retract(@PathParam("id") long id) {
        claims.retract(id);
        return ClaimJson.of(ClaimView.of(load(id)), blind);
    }

    @POST
    @Path("{id}/restore")
    @RolesAllowed(Role.EDITOR_NAME)
    public ClaimJson restore(@PathParam("id") long id) {
        claims.restore(id);
        return ClaimJson.of(ClaimView.of(load(id)), blind);
    }

    /** Read in the request's own session (after any write committed), tags included. */
    private static Claim load(long id) {
        return Claim.findWithTags(id).orElseThrow(() -> new jakarta.ws.rs.NotFoundException("No claim " + id));
    }

    private static ClaimStatus status(String status) {
        return Enums.parseOr400(ClaimStatus.class, status,
                "Unknown status '" + status + "'; use DRAFT or PUBLISHED (retract and restore have their own routes).");
    }
}
