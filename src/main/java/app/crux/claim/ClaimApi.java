package app.crux.claim;

import app.crux.account.Role;
import app.crux.document.Passage;
import app.crux.evidence.EvidenceJson;
import app.crux.evidence.EvidenceService;
import app.crux.review.BlindRating;
import app.crux.web.BadInput;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Claims over JSON: create (optionally from a passage), read, edit, merge, retract, restore, and
 * type-ahead lookups. Reads answer 404 for claims the caller may not see ({@link ClaimVisibility}).
 */
@Path("/api/claims")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClaimApi {

    public record SourceRequest(Long documentId, String exact, String prefix, String suffix, Integer start, Integer end,
            String population, String intervention, String comparison, String outcome, String studyType) {
    }

    public record NewClaimRequest(String statement, List<String> tags, String status, SourceRequest source) {
    }

    public record EditRequest(Integer version, String statement, List<String> tags, String status) {
    }

    public record MergeRequest(Long into) {
    }

    public record ClaimSummary(long id, String slug, String statement) {
    }

    @Inject
    ClaimService claims;

    @Inject
    DuplicateFinder duplicates;

    @Inject
    ClaimVisibility visibility;

    @Inject
    BlindRating blind;

    @POST
    @RolesAllowed(Role.EDITOR_NAME)
    public Response create(NewClaimRequest request) {
        if (request == null) {
            throw new BadInput("Send {statement, tags?, source?}.");
        }
        ClaimService.Source source = null;
        if (request.source() != null) {
            SourceRequest s = request.source();
            if (s.documentId() == null) {
                throw new BadInput("source.documentId is missing.");
            }
            source = new ClaimService.Source(s.documentId(), new Passage(s.start(), s.end(), s.exact(), s.prefix(), s.suffix()),
                    new EvidenceService.Context(s.population(), s.intervention(), s.comparison(), s.outcome(), s.studyType()));
        }
        var created = claims.create(new ClaimService.NewClaim(request.statement(), request.tags(), status(request.status()), source));
        Map<String, Object> body = new LinkedHashMap<>();
        Claim claim = created.claim();
        body.put("id", claim.id);
        body.put("slug", claim.slug);
        body.put("statement", claim.statement);
        body.put("tags", claim.tagNames());
        body.put("status", claim.status.name());
        body.put("version", claim.version);
        body.put("evidence", created.evidence() == null ? null : EvidenceJson.of(created.evidence()));
        body.put("similar", created.similar());
        return Response.created(URI.create(ClaimPaths.api(claim.id))).entity(body).build();
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
    public ClaimJson get(@PathParam("id") long id) {
        return ClaimJson.of(ClaimView.of(visibility.require(load(id), id)), blind);
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Role.EDITOR_NAME)
    public Response edit(@PathParam("id") long id, EditRequest request) {
        if (request == null || request.version() == null) {
            throw new BadInput("Send {version, statement?, tags?, status?}: the version you edited, for optimistic locking.");
        }
        try {
            claims.edit(id, new ClaimService.Edit(request.version(), request.statement(), request.tags(), status(request.status())));
            return Response.ok(ClaimJson.of(ClaimView.of(load(id)), blind)).build();
        } catch (StaleClaim stale) {
            return Response.status(409).entity(Map.of("error", stale.getMessage(), "details", List.of(),
                    "current", ClaimJson.of(ClaimView.of(load(id)), blind))).build();
        }
    }

    @POST
    @Path("{id}/merge")
    @RolesAllowed(Role.EDITOR_NAME)
    public ClaimJson merge(@PathParam("id") long id, MergeRequest request) {
        if (request == null || request.into() == null) {
            throw new BadInput("Send {into: id of the claim to merge into}.");
        }
        claims.merge(id, request.into());
        return ClaimJson.of(ClaimView.of(load(request.into())), blind);
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
        if (status == null) {
            return null;
        }
        try {
            return ClaimStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new BadInput("Unknown status '" + status + "'; use DRAFT or PUBLISHED (retract and restore have their own routes).");
        }
    }
}
