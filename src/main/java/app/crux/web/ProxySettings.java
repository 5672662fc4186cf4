package app.crux.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.Optional;

/**
 * Forwarded headers (X-Forwarded-For, Forwarded) decide the client address that login
 * throttling counts, so they may only be believed from known proxies. Quarkus trusts every
 * sender when forwarding is on and no trusted proxy is listed; Crux refuses to start that way.
 */
@ApplicationScoped
public class ProxySettings {

    void check(@Observes StartupEvent start, Config config) {
        String problem = problem(config.getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class).orElse(false),
                config.getOptionalValue("quarkus.http.proxy.trusted-proxies", String.class));
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** Why these settings are unsafe, or null when they are fine. */
    static String problem(boolean forwarding, Optional<String> trustedProxies) {
        if (forwarding && trustedProxies.map(String::isBlank).orElse(true)) {
            return "quarkus.http.proxy.proxy-address-forwarding is on but quarkus.http.proxy.trusted-proxies is empty: "
                    + "anyone could choose the address login throttling sees. List the proxy's addresses "
                    + "(QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=10.0.0.5) or turn forwarding off.";
        }
        return null;
    }
}
