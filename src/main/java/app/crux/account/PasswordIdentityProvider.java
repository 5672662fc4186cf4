package app.crux.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Instant;

/**
 * The login form's POST. It is handled by Quarkus before any JAX-RS resource, so
 * quarkus-rest-csrf does not see it: a cross-site login is refused here by Origin / Referer.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(PasswordIdentityProvider.class);

    @Inject
    AccountService accounts;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (http != null && !sameOrigin(http)) {
            LOG.warn("Refused a sign-in posted from another site");
            return Uni.createFrom().failure(new AuthenticationFailedException("cross-site login"));
        }
        String address = http == null ? "unknown" : http.request().remoteAddress().hostAddress();
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> {
            try {
                User user = accounts.signIn(request.getUsername(), password, address);
                var ticket = new SessionTicket(user.username, user.sessionGeneration, Instant.now());
                return Identities.of(user, ticket.encode(), "session");
            } catch (LoginRefused refused) {
                throw new AuthenticationFailedException(refused.getMessage());
            }
        });
    }

    /** Browsers send Origin (or at least Referer) on form posts; scripts and tests may send neither. */
    static boolean sameOrigin(RoutingContext http) {
        String origin = http.request().getHeader("Origin");
        String source = origin != null ? origin : http.request().getHeader("Referer");
        if (source == null) {
            return true;
        }
        try {
            URI uri = URI.create(source);
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(http.request().authority().toString());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
