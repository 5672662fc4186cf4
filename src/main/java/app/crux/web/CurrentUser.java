package app.crux.web;

import app.crux.account.Role;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The signed-in person for this request, as templates ({@code inject:currentUser})
 * and services see them. Read from the identity's attributes, which the identity
 * providers fill from the database on each request.
 */
@Named("currentUser")
@RequestScoped
public class CurrentUser {

    public static final String USER_ID = "crux.user-id";
    public static final String USERNAME = "crux.username";
    public static final String DISPLAY_NAME = "crux.display-name";
    /** "session" or "bearer": /api writes accept bearer only. */
    public static final String VIA = "crux.via";

    @Inject
    CurrentVertxRequest request;

    private SecurityIdentity identity;

    /**
     * Read from the routing context, where proactive authentication left it: unlike the
     * injected SecurityIdentity this never blocks, so error pages rendered on the IO thread work too.
     */
    private SecurityIdentity identity() {
        if (identity == null) {
            var context = request.getCurrent();
            identity = context != null && context.user() instanceof QuarkusHttpUser user
                    ? user.getSecurityIdentity() : ANONYMOUS;
        }
        return identity;
    }

    private static final SecurityIdentity ANONYMOUS = io.quarkus.security.runtime.QuarkusSecurityIdentity.builder()
            .setAnonymous(true).build();

    public boolean loggedIn() {
        return !identity().isAnonymous() && identity().getAttribute(USER_ID) != null;
    }

    public Long id() {
        return identity().getAttribute(USER_ID);
    }

    public String username() {
        return identity().getAttribute(USERNAME);
    }

    public String displayName() {
        return identity().getAttribute(DISPLAY_NAME);
    }

    public boolean viaBearer() {
        return "bearer".equals(identity().getAttribute(VIA));
    }

    public boolean has(Role role) {
        return loggedIn() && identity().hasRole(role.name());
    }

    public boolean isEditor() {
        return has(Role.EDITOR);
    }

    public boolean isReviewer() {
        return has(Role.REVIEWER);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /**
     * Who sees DRAFT and RETRACTED claims: editors, who curate them. Everyone else is a reader
     * of claims — reviewers (they rate published claims only) and admins without the editor
     * role (they manage accounts, not content) included. Kept here, beside the roles, so that
     * every feature asks the same question (claim.ClaimVisibility, audit, the home page).
     */
    public boolean seesUnpublishedClaims() {
        return isEditor();
    }
}
