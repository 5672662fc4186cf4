package app.crux.account;

import app.crux.CruxConfig;
import app.crux.web.BadInput;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Makes sure someone can administer Crux: on every start, when no <em>enabled</em> account
 * holds ADMIN, creates one. What else the database holds does not matter (the demo corpus's
 * disabled reviewers, for one), so the order of the startup observers does not either.
 *
 * <p>The account is {@code admin}. If a user of that name exists but is disabled or not an
 * admin, it is left alone, because someone may have disabled it on purpose and nobody here
 * knows its password, and the new admin is the first free {@code admin-2}, {@code admin-3}, …;
 * the log says which. The password is {@code CRUX_ADMIN_PASSWORD}, or random and printed
 * once: on the next start an enabled admin exists and nothing is printed.
 */
@ApplicationScoped
public class FirstAdmin {

    static final String USERNAME = "admin";
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    /** pg_advisory_xact_lock key ("crux" "1st"): instances starting together create one admin, not two. */
    private static final long LOCK = 0x6372_7578_0000_0001L;

    /** The admin this process created, for the start-up banner; {@code password} null when it came from CRUX_ADMIN_PASSWORD. */
    public record Created(String username, String password) {
    }

    private volatile Created created;

    @Inject
    AccountService accounts;

    @Inject
    CruxConfig config;

    @Inject
    EntityManager entityManager;

    void onStart(@Observes StartupEvent event) {
        ensure();
    }

    /** Creates an admin when no enabled account holds ADMIN; answers its username when it did. */
    @Transactional
    public Optional<String> ensure() {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK + ")").getSingleResult();
        if (User.anyEnabled(Role.ADMIN)) {
            return Optional.empty();
        }
        String username = freeUsername();
        if (!username.equals(USERNAME)) {
            LOG.warnf("No enabled account holds the admin role. '%s' exists but is %s; it is left as it is "
                    + "(it may have been disabled on purpose), and a new admin '%s' is created instead.",
                    USERNAME, User.findByUsername(USERNAME).map(u -> u.enabled ? "not an admin" : "disabled").orElse("?"),
                    username);
        }
        String configured = config.adminPassword().filter(p -> !p.isBlank()).orElse(null);
        String password = configured != null ? configured : randomPassword();
        try {
            accounts.create(new AccountService.NewUser(username, "Administrator", password, EnumSet.of(Role.ADMIN)));
        } catch (BadInput e) {
            throw new IllegalStateException("CRUX_ADMIN_PASSWORD cannot be used: " + String.join(" ", e.details));
        }
        created = new Created(username, configured == null ? password : null);
        if (configured == null) {
            // Printed this once, on purpose: there is no other way to learn it. Change it on /account.
            LOG.warnf("Created the admin account: username '%s', password '%s'. Sign in and change it on /account; "
                    + "this password is not shown again.", username, password);
        } else {
            LOG.infof("Created the admin account '%s' with the password from CRUX_ADMIN_PASSWORD.", username);
        }
        return Optional.of(username);
    }

    /** The admin created by this process (at start-up, or since), if any: only then is a generated password known. */
    public Optional<Created> created() {
        return Optional.ofNullable(created);
    }

    private static String freeUsername() {
        String candidate = USERNAME;
        for (int n = 2; User.findByUsername(candidate).isPresent(); n++) {
            candidate = USERNAME + "-" + n;
        }
        return candidate;
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
