package app.crux.claim;

import app.crux.web.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import java.util.List;

/**
 * Which claims the person making this request may see: the one check every claim page,
 * API route and claim list applies. Readers get 404 for a claim they may not see — the
 * same answer as for one that does not exist, so its existence does not leak either.
 */
@ApplicationScoped
public class ClaimVisibility {

    @Inject
    CurrentUser currentUser;

    public boolean seesUnpublished() {
        return currentUser.seesUnpublishedClaims();
    }

    public boolean canSee(Claim claim) {
        return claim != null && claim.visibleTo(seesUnpublished());
    }

    /** {@code claim}, or a 404 naming {@code asked} (the slug or id the visitor gave). */
    public Claim require(Claim claim, Object asked) {
        if (!canSee(claim)) {
            throw new NotFoundException("No claim " + asked);
        }
        return claim;
    }

    /** The statuses claim lists show: editors also find drafts and retracted claims there, to finish or restore them. */
    public List<ClaimStatus> listed() {
        return seesUnpublished() ? List.of(ClaimStatus.DRAFT, ClaimStatus.PUBLISHED, ClaimStatus.RETRACTED)
                : List.of(ClaimStatus.PUBLISHED);
    }

    /** The statuses type-ahead and near-duplicate suggestions offer: claims one can still attach evidence to or merge into. */
    public List<ClaimStatus> suggested() {
        return seesUnpublished() ? List.of(ClaimStatus.DRAFT, ClaimStatus.PUBLISHED) : List.of(ClaimStatus.PUBLISHED);
    }
}
