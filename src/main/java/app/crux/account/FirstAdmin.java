package app.crux.account;

import app.crux.CruxConfig;
import app.crux.web.BadInput;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.EnumSet;

/** On the first start (no accounts at all) creates {@code admin}, so someone can sign in. */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @Inject
    AccountService accounts;

    @Inject
    CruxConfig config;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (!User.none()) {
            return;
        }
        String configured = config.adminPassword().filter(p -> !p.isBlank()).orElse(null);
        String password = configured != null ? configured : randomPassword();
        try {
            accounts.create(new AccountService.NewUser("admin", "Administrator", password, EnumSet.of(Role.ADMIN)));
        } catch (BadInput e) {
            throw new IllegalStateException("CRUX_ADMIN_PASSWORD cannot be used: " + String.join(" ", e.details));
        }
        if (configured == null) {
            // Printed once, on purpose: there is no other way to learn it. Change it on /account.
            LOG.warnf("Created the first account: username 'admin', password '%s'. Sign in and change it on /account.", password);
        } else {
            LOG.info("Created the first account 'admin' with the password from CRUX_ADMIN_PASSWORD.");
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
