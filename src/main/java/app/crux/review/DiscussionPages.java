package app.crux.review;

import app.crux.account.Role;
import app.crux.claim.ClaimPaths;
import app.crux.web.BadInput;
import app.crux.web.CurrentUser;
import app.crux.web.Flash;
import app.crux.web.ReturnAddress;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;

/** The discussion forms on evidence cards and in the queue's "Needs discussion" tab (no JavaScript needed). */
@Blocking
@Path("/evidence/{id}/discussion")
@RolesAllowed({Role.REVIEWER_NAME, Role.EDITOR_NAME})
public class DiscussionPages {

    @Inject
    DiscussionService discussions;

    @Inject
    CurrentUser currentUser;

    @POST
    public Response post(@PathParam("id") long evidenceId, @RestForm String body, @RestForm String back) {
        URI returnTo = returnTo(back);
        try {
            discussions.post(evidenceId, currentUser.id(), body);
            return Flash.redirect(atThread(returnTo, evidenceId), "Posted to the discussion.");
        } catch (BadInput e) {
            return Flash.redirect(atThread(returnTo, evidenceId), Flash.Kind.ALERT, e.getMessage());
        }
    }

    @POST
    @Path("resolution")
    @RolesAllowed(Role.EDITOR_NAME)
    public Response resolve(@PathParam("id") long evidenceId, @RestForm String note, @RestForm String back) {
        URI returnTo = returnTo(back);
        try {
            discussions.resolve(evidenceId, note);
            return Flash.redirect(atThread(returnTo, evidenceId), "Resolution recorded; readers see it on the passage's card.");
        } catch (BadInput e) {
            return Flash.redirect(atThread(returnTo, evidenceId), Flash.Kind.ALERT, e.getMessage());
        }
    }

    private static URI returnTo(String back) {
        return URI.create(ReturnAddress.sameSite(back, ReviewPaths.DISCUSSIONS));
    }

    private static URI atThread(URI returnTo, long evidenceId) {
        String anchor = ClaimPaths.isClaimPage(returnTo.getPath()) ? "#evidence-" + evidenceId : "#discussion-" + evidenceId;
        return URI.create(returnTo.getPath() + (returnTo.getRawQuery() == null ? "" : "?" + returnTo.getRawQuery()) + anchor);
    }
}
