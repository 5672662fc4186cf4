package app.crux.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A bearer token for the JSON API; only its SHA-256 is stored. */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    public User user;

    public String name;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    /**
     * A usable token's holder, as a request's identity needs it. Every API request asks this first, so it is
     * one plain statement and no entities: loading the token, its user and their roles as entities was a fifth
     * of a vote's CPU. {@code roles}: comma-separated; {@code due}: whether last_used_at should be stamped.
     */
    public record Holder(long tokenId, boolean due, long userId, String username, String displayName, String roles) {

        static final String USABLE = """
                SELECT t.id, t.last_used_at IS NULL OR t.last_used_at < ?, u.id, u.username, u.display_name,
                       (SELECT string_agg(r.role, ',') FROM user_role r WHERE r.user_id = u.id)
                FROM api_token t JOIN app_user u ON u.id = t.user_id
                WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND u.enabled""";

        Set<Role> roleSet() {
            Set<Role> set = EnumSet.noneOf(Role.class);
            if (roles != null) {
                for (String role : roles.split(",")) {
                    set.add(Role.valueOf(role));
                }
            }
            return set;
        }
    }

    public static List<ApiToken> ownedBy(User user) {
        return list("user = ?1 order by createdAt desc", user);
    }

    public boolean usable(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
