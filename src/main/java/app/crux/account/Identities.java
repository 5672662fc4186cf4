package app.crux.account;

import app.crux.web.CurrentUser;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Builds the request's identity from a stored account, roles and all, so a change applies at once. */
final class Identities {

    private Identities() {
    }

    /**
     * @param principalName what Quarkus writes into a renewed session cookie: the encoded
     *                      {@link SessionTicket} for sessions, the username for bearer tokens
     */
    static QuarkusSecurityIdentity of(User user, String principalName, String via) {
        var builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principalName))
                .addAttribute(CurrentUser.USER_ID, user.id)
                .addAttribute(CurrentUser.USERNAME, user.username)
                .addAttribute(CurrentUser.DISPLAY_NAME, user.displayName)
                .addAttribute(CurrentUser.VIA, via);
        user.roles.forEach(role -> builder.addRole(role.name()));
        return builder.build();
    }
}
