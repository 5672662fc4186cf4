package app.crux.account;

import io.quarkus.elytron.security.common.BcryptUtil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What a new password must be, and how passwords are hashed (bcrypt, cost 12). */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** bcrypt ignores everything after 72 bytes; refuse rather than truncate silently. */
    public static final int MAX_UTF8_BYTES = 72;
    private static final int BCRYPT_COST = 12;
    private static final Set<String> COMMON = loadCommon();
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
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            problems.add("This password is on a list of commonly used passwords; choose another.");
        }
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("The password must not contain the username.");
        }
        return problems;
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

    private static Set<String> loadCommon() {
        var stream = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
        if (stream == null) {
            throw new IllegalStateException("common-passwords.txt is missing from the classpath");
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
