package app.crux.account;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import io.quarkus.elytron.security.common.BcryptUtil;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * What a new password must be, and how passwords are hashed (bcrypt, cost 12).
 * Strength is zxcvbn's estimate (zxcvbn4j: common passwords, words, names, keyboard
 * patterns, repeats, dates, l33t), so the refusal can say in words what is guessable.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** bcrypt ignores everything after 72 bytes; refuse rather than truncate silently. */
    public static final int MAX_UTF8_BYTES = 72;
    /** zxcvbn's 0..4 scale; 3 is "safely unguessable" (about 10^8 guesses or more). */
    public static final int MIN_SCORE = 3;
    /** Shorter usernames ("ed") occur inside too many ordinary words to refuse them. */
    static final int MIN_USERNAME_TO_CHECK = 4;
    private static final int BCRYPT_COST = 12;
    /** Immutable dictionaries; measuring is stateless, so one instance serves every thread. */
    private static final Zxcvbn ZXCVBN = new Zxcvbn();
    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("com/nulabinc/zxcvbn/messages", Locale.ROOT);
    /** Verified against when the username is unknown, so both cases take the same time. */
    private static final String DECOY_HASH = BcryptUtil.bcryptHash("decoy-password-never-used", BCRYPT_COST);

    private PasswordPolicy() {
    }

    /** The reasons {@code password} cannot be used, empty when it can. */
    public static List<String> problems(String password, String username) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("Enter a password.");
            return problems;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add("Use at least " + MIN_LENGTH + " characters (a few unrelated words work well).");
        }
        if (length > MAX_LENGTH) {
            problems.add("Use at most " + MAX_LENGTH + " characters.");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            problems.add("This password is longer than 72 bytes in UTF-8, and only the first 72 would count; shorten it.");
        }
        if (containsUsername(password, username)) {
            problems.add("The password must not contain the username.");
        }
        if (problems.isEmpty()) {
            weakness(password, username).ifPresent(problems::add);
        }
        return problems;
    }

    /** Whole words only, and only for usernames of four or more characters: user "ed" may write "editor". */
    static boolean containsUsername(String password, String username) {
        if (username == null || username.strip().length() < MIN_USERNAME_TO_CHECK) {
            return false;
        }
        Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(username.strip()) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return word.matcher(password).find();
    }

    /** zxcvbn's verdict in words when the password scores below {@link #MIN_SCORE}. */
    private static Optional<String> weakness(String password, String username) {
        List<String> context = username == null || username.isBlank() ? List.of("crux") : List.of("crux", username.strip());
        Strength strength = ZXCVBN.measure(password, context);
        if (strength.getScore() >= MIN_SCORE) {
            return Optional.empty();
        }
        Feedback feedback = strength.getFeedback().withResourceBundle(MESSAGES);
        StringBuilder reason = new StringBuilder("This password is too easy to guess.");
        if (feedback.getWarning() != null && !feedback.getWarning().isBlank()) {
            reason.append(' ').append(feedback.getWarning());
        }
        List<String> suggestions = feedback.getSuggestions();
        reason.append(' ').append(suggestions == null || suggestions.isEmpty()
                ? "Add another word or two. Uncommon words are better." : String.join(" ", suggestions));
        return Optional.of(reason.toString());
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password, BCRYPT_COST);
    }

    /** Checks a password against a stored hash; with no hash, burns the same time and answers false. */
    public static boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            return false;
        }
        if (hash == null) {
            BcryptUtil.matches(password, DECOY_HASH);
            return false;
        }
        return BcryptUtil.matches(password, hash);
    }
}
