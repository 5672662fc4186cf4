package app.crux.account;

import app.crux.Rows;
import app.crux.Sha256;
import app.crux.CruxConfig;
import app.crux.audit.AuditLog;
import app.crux.web.BadInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bearer tokens for the JSON API: shown once, stored as SHA-256, expiring, revocable. */
@ApplicationScoped
@Transactional
public class ApiTokenService {

    /** last_used_at is only refreshed this often, so reads do not write on every call. */
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(5);
    private static final String PREFIX = "crux_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    CruxConfig config;

    public record Issued(String token, Instant expiresAt, ApiToken record) {
    }

    public Issued issue(long userId, String name) {
        String label = name == null || name.isBlank() ? "API token" : name.strip();
        if (label.length() > 80) {
            throw new BadInput("Token name: at most 80 characters.");
        }
        User user = User.findById(userId);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken record = new ApiToken();
        record.user = user;
        record.name = label;
        record.tokenHash = hash(token);
        record.expiresAt = Instant.now().plus(config.token().lifetime());
        record.persist();
        audit.record("token.create", "api_token", record.id, user.username + " created API token '" + label + "'",
                null, Map.of("name", label, "expiresAt", record.expiresAt.toString()));
        return new Issued(token, record.expiresAt, record);
    }

    public void revoke(long userId, long tokenId) {
        ApiToken token = ApiToken.findById(tokenId);
        if (token == null || !token.user.id.equals(userId)) {
            throw new NotFoundException("No such token");
        }
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now();
            audit.record("token.revoke", "api_token", token.id, token.user.username + " revoked API token '" + token.name + "'",
                    null, null);
        }
    }

    /** The enabled user a presented token belongs to, if the token is known, unexpired and unrevoked. */
    public Optional<ApiToken.Holder> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        List<ApiToken.Holder> found = Rows.select(em, ApiToken.Holder.class, ApiToken.Holder.USABLE, now.minus(USE_RESOLUTION), hash(token), now);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken.Holder holder = found.get(0);
        if (holder.due()) {
            Rows.execute(em, "UPDATE api_token SET last_used_at = ? WHERE id = ?", now, holder.tokenId());
        }
        return Optional.of(holder);
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
