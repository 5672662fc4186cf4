package app.crux.account;

import java.time.Instant;
import java.util.Optional;

/**
 * What a login cookie carries, as the principal name Quarkus encrypts into it:
 * who, under which session generation, and since when. Checked on every request
 * so logout, password changes and disabling end sessions on the server, and a
 * login cannot outlive the absolute lifetime.
 */
public record SessionTicket(String username, int generation, Instant issuedAt) {

    private static final char SEPARATOR = '/';

    public String encode() {
        return username + SEPARATOR + generation + SEPARATOR + issuedAt.getEpochSecond();
    }

    /** Empty when the value was not written by {@link #encode()} (e.g. a cookie from an older version). */
    public static Optional<SessionTicket> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SessionTicket(parts[0], Integer.parseInt(parts[1]),
                    Instant.ofEpochSecond(Long.parseLong(parts[2]))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
