package app.crux.account;

import app.crux.Sha256;
import app.crux.CruxConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Limits password guesses per account and per address, also under concurrency.
 *
 * <p>Every attempt is written down as a failure <em>before</em> its password is checked,
 * committed, and only then are the recent failures counted, its own included. Whatever
 * the interleaving, the attempt that counts last sees every attempt let through before it,
 * so no more than the configured number reach bcrypt in a window; no lock is held while
 * bcrypt runs. A refused attempt takes its row back; a right password clears the account's.
 */
@ApplicationScoped
public class LoginThrottle {

    /** The shape of a username (as app_user's CHECK); anything else cannot be an account. */
    static final Pattern POSSIBLE_USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,39}$");
    private static final int MAX_STORED_ADDRESS = 64;

    @Inject
    CruxConfig config;

    /** An attempt let through to the password check; its row counts as a failure until it succeeds. */
    public record Attempt(long id, String account, String address) {
    }

    /**
     * @param account what the person typed, stripped and lower-cased
     * @throws LoginRefused (throttled) when the account or the address has too many recent failures
     */
    public Attempt begin(String account, String address) {
        String accountKey = accountKey(account);
        String addressKey = addressKey(address);
        long id = QuarkusTransaction.requiringNew().call(() -> LoginFailure.record(accountKey, addressKey).id);
        Instant since = Instant.now().minus(config.login().failureWindow());
        boolean over = QuarkusTransaction.requiringNew().call(() ->
                LoginFailure.forAccountSince(accountKey, since) > config.login().maxFailuresPerAccount()
                        || LoginFailure.fromAddressSince(addressKey, since) > config.login().maxFailuresPerAddress());
        if (over) {
            QuarkusTransaction.requiringNew().run(() -> LoginFailure.deleteById(id));
            throw new LoginRefused(true);
        }
        return new Attempt(id, accountKey, addressKey);
    }

    /** The password was right: the account's failures, this attempt's row included, no longer count. */
    public void succeeded(Attempt attempt) {
        QuarkusTransaction.requiringNew().run(() -> LoginFailure.forgetAccount(attempt.account()));
    }

    /**
     * The key failures are counted under: the name itself when it can be a username, else a
     * digest, so any input (3,000 characters, NUL, invalid UTF-16) fits the column and its index.
     */
    static String accountKey(String account) {
        return POSSIBLE_USERNAME.matcher(account).matches() ? account : digest(account);
    }

    static String addressKey(String address) {
        if (address == null || address.isEmpty()) {
            return "unknown";
        }
        boolean plain = address.length() <= MAX_STORED_ADDRESS && address.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        return plain ? address : digest(address);
    }

    /** '#' never occurs in a username or an IP address, so a digest cannot collide with either. */
    private static String digest(String value) {
        return "#" + Sha256.hex(value);
    }
}
