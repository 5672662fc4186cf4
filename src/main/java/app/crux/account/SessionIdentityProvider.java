package app.crux.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Optional;

/**
 * Restores a login from its (encrypted) cookie. Quarkus alone would trust any
 * cookie it can decrypt until it expires; here the account must still be
 * enabled, the session generation unchanged and the absolute lifetime not over.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    AccountService accounts;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String cookieName;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            Optional<SessionTicket> ticket = SessionTicket.parse(request.getPrincipal());
            Optional<User> user = ticket.flatMap(t -> accounts.forSession(t, Instant.now()));
            if (user.isEmpty()) {
                forgetCookie(request);
                throw new AuthenticationFailedException("session ended");
            }
            return Identities.of(user.get(), ticket.get().encode(), "session");
        });
    }

    /** Without this, the browser would keep sending the dead cookie and be sent to /login again and again. */
    private void forgetCookie(TrustedAuthenticationRequest request) {
        var http = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (http != null) {
            http.response().addCookie(Cookie.cookie(cookieName, "").setPath("/").setMaxAge(0));
        }
    }
}
