package app.crux.account;

import app.crux.CruxConfig;
import app.crux.audit.AuditLog;
import app.crux.web.BadInput;
import app.crux.web.Conflict;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Every write to accounts: people, roles, passwords, sessions. Each appends an audit event. */
@ApplicationScoped
@Transactional
public class AccountService {

    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,39}$");

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AccountService.class);

    @Inject
    AuditLog audit;

    @Inject
    CruxConfig config;

    @Inject
    LoginThrottle throttle;

    public record NewUser(String username, String displayName, String password, Set<Role> roles) {
    }

    public User create(NewUser input) {
        String username = input.username() == null ? "" : input.username().strip();
        String displayName = input.displayName() == null || input.displayName().isBlank()
                ? username : input.displayName().strip();
        List<String> problems = new ArrayList<>();
        if (!USERNAME.matcher(username).matches()) {
            problems.add("Username: 2 to 40 characters, lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (displayName.length() > 120) {
            problems.add("Display name: at most 120 characters.");
        }
        problems.addAll(PasswordPolicy.problems(input.password(), username));
        if (!problems.isEmpty()) {
            throw new BadInput("The account could not be created.", problems);
        }
        if (User.findByUsername(username).isPresent()) {
            throw new Conflict("The username '" + username + "' is taken.");
        }
        User user = new User();
        user.username = username;
        user.displayName = displayName;
        user.passwordHash = PasswordPolicy.hash(input.password());
        user.roles = input.roles() == null || input.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(input.roles());
        user.persist();
        audit.record("user.create", "user", user.id, "Created account " + username, null, describe(user));
        return user;
    }

    public void changeRoles(long userId, Set<Role> roles, Long actingUserId) {
        User user = find(userId);
        Set<Role> wanted = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        if (user.id.equals(actingUserId) && user.has(Role.ADMIN) && !wanted.contains(Role.ADMIN)) {
            throw new BadInput("You cannot remove your own admin role; ask another admin.");
        }
        var before = describe(user);
        user.roles.clear();
        user.roles.addAll(wanted);
        user.updatedAt = Instant.now();
        audit.record("user.roles", "user", user.id, "Changed roles of " + user.username, before, describe(user));
    }

    public void setEnabled(long userId, boolean enabled, Long actingUserId) {
        User user = find(userId);
        if (!enabled && user.id.equals(actingUserId)) {
            throw new BadInput("You cannot disable your own account.");
        }
        var before = describe(user);
        user.enabled = enabled;
        var after = describe(user);
        if (!enabled) {
            // revoked, not just refused while disabled: enabling the account again must not revive them
            user.sessionGeneration++;
            after.put("tokensRevoked", revokeTokens(user));
        }
        user.updatedAt = Instant.now();
        audit.record(enabled ? "user.enable" : "user.disable", "user", user.id,
                (enabled ? "Enabled " : "Disabled ") + user.username, before, after);
    }

    public void changePassword(long userId, String current, String replacement) {
        User user = find(userId);
        if (!PasswordPolicy.matches(current, user.passwordHash)) {
            throw new BadInput("The current password is not right.");
        }
        List<String> problems = PasswordPolicy.problems(replacement, user.username);
        if (!problems.isEmpty()) {
            throw new BadInput("The new password cannot be used.", problems);
        }
        user.passwordHash = PasswordPolicy.hash(replacement);
        user.sessionGeneration++;
        user.updatedAt = Instant.now();
        // whoever knew the old password may have minted tokens with it
        int revoked = revokeTokens(user);
        audit.record("user.password", "user", user.id, user.username + " changed their password; sessions ended, "
                + revoked + " API token(s) revoked", null, Map.of("sessionsEnded", true, "tokensRevoked", revoked));
    }

    /** "Sign out everywhere": every session and every API token of the account stops working. */
    public void signOutEverywhere(long userId) {
        User user = find(userId);
        user.sessionGeneration++;
        user.updatedAt = Instant.now();
        int revoked = revokeTokens(user);
        audit.record("user.signout-everywhere", "user", user.id, user.username + " signed out everywhere; "
                + revoked + " API token(s) revoked", null, Map.of("sessionsEnded", true, "tokensRevoked", revoked));
    }

    /** Part of the caller's write and its audit event (which gives the count), not an event of its own. */
    private static int revokeTokens(User user) {
        return ApiToken.update("revokedAt = ?1 where user = ?2 and revokedAt is null", Instant.now(), user);
    }

    /** Logout: every session cookie issued so far stops working, copied ones included. */
    public void endSessions(long userId) {
        User user = find(userId);
        user.sessionGeneration++;
        audit.record("user.logout", "user", user.id, user.username + " signed out", null, null);
    }

    /**
     * Checks a sign-in attempt, throttled per account and per address ({@link LoginThrottle}).
     * Runs outside any transaction: the throttle's rows must be committed before the count and
     * must survive a refusal, and no connection is held while bcrypt runs.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public User signIn(String username, String password, String address) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        LoginThrottle.Attempt attempt;
        try {
            attempt = throttle.begin(name, address);
        } catch (LoginRefused refused) {
            LOG.infof("Sign-in to '%s' from %s refused: too many recent failures",
                    LoginThrottle.accountKey(name), LoginThrottle.addressKey(address));
            throw refused;
        }
        // a name that cannot be a username is never looked up (NUL and the like would upset the query)
        Optional<User> user = LoginThrottle.POSSIBLE_USERNAME.matcher(name).matches()
                ? QuarkusTransaction.requiringNew().call(() -> User.findByUsername(name))
                : Optional.empty();
        boolean ok = PasswordPolicy.matches(password, user.map(u -> u.passwordHash).orElse(null))
                && user.get().enabled;
        if (!ok) {
            LOG.infof("Sign-in to '%s' from %s failed (%s)", attempt.account(), attempt.address(),
                    user.isEmpty() ? "no such account" : user.get().enabled ? "wrong password" : "account disabled");
            throw new LoginRefused(false);
        }
        throttle.succeeded(attempt);
        return user.get();
    }

    /** The user a session cookie belongs to, if the session is still valid. */
    public Optional<User> forSession(SessionTicket ticket, Instant now) {
        if (ticket.issuedAt().plus(config.session().absoluteLifetime()).isBefore(now)) {
            return Optional.empty();
        }
        return User.findByUsername(ticket.username())
                .filter(u -> u.enabled && u.sessionGeneration == ticket.generation());
    }

    public User find(long userId) {
        User user = User.findById(userId);
        if (user == null) {
            throw new NotFoundException("No account with id " + userId);
        }
        return user;
    }

    static Map<String, Object> describe(User user) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", user.username);
        state.put("displayName", user.displayName);
        state.put("roles", user.roles.stream().map(Enum::name).sorted().toList());
        state.put("enabled", user.enabled);
        return state;
    }
}
