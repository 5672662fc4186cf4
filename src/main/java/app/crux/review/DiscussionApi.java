package app.crux.review;

import app.crux.account.Role;
import app.crux.web.CurrentUser;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * An evidence item's discussion over JSON. Only its participants (reviewers who rated it, editors
 * who do not rate) get anything but 404, and the 404 reads the same whether or not a discussion exists.
 */
@Path("/api/evidence/{id}/discussion")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DiscussionApi {

    public record NewPost(String body) {
    }

    public record Resolution(String note) {
    }

    public record PostJson(long id, long evidenceId, String author, String body, Instant postedAt) {
        static PostJson of(Threads.Post post) {
            return new PostJson(post.id(), post.evidenceId(), post.author(), post.body(), post.at());
        }
    }

    public record ResolutionJson(String note, @Schema(nullable = true) String by, Instant at) {
    }

    /**
     * {@code needsDiscussion} is the mark; the agreements are the claim's Krippendorff's alpha when the
     * item was first marked and now, null where undefined or where blind rating hides the claim's aggregates.
     */
    public record ThreadJson(long evidenceId, long claimId, boolean needsDiscussion, Instant markedAt,
            @Schema(nullable = true) Double alphaAtMark, @Schema(nullable = true) Double alphaNow,
            @Schema(nullable = true) ResolutionJson resolution, List<PostJson> posts) {
        static ThreadJson of(Threads.Thread t) {
            return new ThreadJson(t.evidenceId(), t.claimId(), t.open(), t.markedAt(), t.alphaAtMark(), t.alphaNow(),
                    t.resolved() ? new ResolutionJson(t.resolution(), t.resolvedBy(), t.resolvedAt()) : null,
                    t.posts().stream().map(PostJson::of).toList());
        }
    }

    @Inject
    DiscussionService discussions;

    @Inject
    Threads threads;

    @Inject
    CurrentUser currentUser;

    @GET
    @PermitAll
    public ThreadJson thread(@PathParam("id") long evidenceId) {
        return ThreadJson.of(threads.thread(evidenceId).orElseThrow(() -> new NotFoundException(Threads.NOT_FOUND)));
    }

    @POST
    @Path("posts")
    @RolesAllowed({Role.REVIEWER_NAME, Role.EDITOR_NAME})
    public RestResponse<PostJson> post(@PathParam("id") long evidenceId,
            @NotNull(message = "Send {body: the text of your post}.") NewPost request) {
        DiscussionPost post = discussions.post(evidenceId, currentUser.id(), request.body());
        var body = new PostJson(post.id, evidenceId, currentUser.displayName(), post.body, post.createdAt);
        return RestResponse.ResponseBuilder.<PostJson>created(URI.create(ReviewPaths.discussionApi(evidenceId))).entity(body).build();
    }

    /** An editor's note on how the discussion ended; clears the mark. Sending it again replaces the note. */
    @PUT
    @Path("resolution")
    @RolesAllowed(Role.EDITOR_NAME)
    public ThreadJson resolve(@PathParam("id") long evidenceId,
            @NotNull(message = "Send {note: how the reviewers settled it}.") Resolution request) {
        discussions.resolve(evidenceId, request.note());
        return ThreadJson.of(threads.thread(evidenceId).orElseThrow(() -> new NotFoundException(Threads.NOT_FOUND)));
    }
}
