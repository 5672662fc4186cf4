package app.crux.account;

import app.crux.web.CurrentUser;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

import java.util.Collection;

/** Builds the request's identity from a stored account, roles and all, so a change applies at once. */
final class Identities {

    private Identities() {
    }

    /**
     * @param principalName what Quarkus writes into a renewed session cookie: the encoded
     *                      {@link SessionTicket} for sessions, the username for bearer tokens
     */
    static QuarkusSecurityIdentity of(User user, String principalName, String via) {
        return of(user.id, user.username, user.displayName, user.roles, principalName, via);
    }

    static QuarkusSecurityIdentity of(long userId, String username, String displayName, Collection<Role> roles,
            String principalName, String via) {
        var builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principalName))
                .addAttribute(CurrentUser.USER_ID, userId)
                .addAttribute(CurrentUser.USERNAME, username)
                .addAttribute(CurrentUser.DISPLAY_NAME, displayName)
                .addAttribute(CurrentUser.VIA, via);
        roles.forEach(role -> builder.addRole(role.name()));
        return builder.build();
    }
}
