package app.crux.account;

import app.crux.CruxConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * In demo mode ({@code crux.demo.load-on-empty}), enabled accounts to try each side of Crux:
 * {@code editor}, {@code reviewer} and {@code reviewer2}. Never created, never shown otherwise.
 *
 * <p>Their passwords are derived from the session key (HMAC), not stored anywhere: every start
 * in demo mode derives them again and offers (banner, login page) only those that still sign
 * in, checked against the stored hash. So the login page can show them after a restart or a
 * dev-mode reload without a plaintext copy on disk or in the database, and a password someone
 * changed is simply not shown any more (see docs/decisions.md). Anyone holding the session key
 * can already forge logins, so deriving from it exposes nothing new.
 */
@ApplicationScoped
public class DemoAccounts {

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** A demo account someone can sign in with right now, and what it lets them try. */
    public record Credentials(String username, String password, String role, String tries) {
    }

    private record Account(String username, String displayName, Set<Role> roles, String role, String tries) {
    }

    private static final List<Account> ACCOUNTS = List.of(
            new Account("editor", "Demo editor", EnumSet.of(Role.EDITOR), "editor",
                    "import documents, pull claims out of passages, attach evidence"),
            new Account("reviewer", "Demo reviewer", EnumSet.of(Role.REVIEWER), "reviewer",
                    "rate passages in the review queue"),
            new Account("reviewer2", "Second demo reviewer", EnumSet.of(Role.REVIEWER), "reviewer",
                    "rate the same passages blind, to see agreement"));

    @Inject
    CruxConfig config;

    @Inject
    AccountService accounts;

    @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
    Optional<String> sessionKey;

    /** Filled at start-up in demo mode; empty otherwise, so nothing can show a password. */
    private volatile List<Credentials> usable = List.of();

    void onStart(@Observes StartupEvent event) {
        if (config.demo().loadOnEmpty()) {
            usable = ensure();
        }
    }

    /** The demo accounts that sign in with their derived password, creating any that is missing. */
    @Transactional
    List<Credentials> ensure() {
        byte[] key = sessionKey.filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(DemoAccounts::randomKey);
        List<Credentials> found = new ArrayList<>();
        for (Account account : ACCOUNTS) {
            String password = derive(key, account.username());
            Optional<User> existing = User.findByUsername(account.username());
            if (existing.isEmpty()) {
                accounts.create(new AccountService.NewUser(account.username(), account.displayName(), password, account.roles()));
            } else if (!existing.get().enabled || !PasswordPolicy.matches(password, existing.get().passwordHash)) {
                // a real account of that name, or a demo account whose password was changed: not ours to show
                LOG.infof("Demo account '%s' is not offered: it exists with another password or is disabled.", account.username());
                continue;
            }
            found.add(new Credentials(account.username(), password, account.role(), account.tries()));
        }
        return List.copyOf(found);
    }

    /** What the login page and the start-up banner may show: nothing unless in demo mode. */
    public List<Credentials> usable() {
        return config.demo().loadOnEmpty() ? usable : List.of();
    }

    /** 20 characters from an unambiguous alphabet (as the first admin's): well past PasswordPolicy's rules. */
    static String derive(byte[] key, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (int round = 0; ; round++) {
                byte[] bytes = mac.doFinal(("crux demo account " + username + " " + round).getBytes(StandardCharsets.UTF_8));
                StringBuilder password = new StringBuilder();
                for (int i = 0; i < 20; i++) {
                    password.append(ALPHABET.charAt((bytes[i] & 0xff) % ALPHABET.length()));
                }
                if (PasswordPolicy.problems(password.toString(), username).isEmpty()) {
                    return password.toString();
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
