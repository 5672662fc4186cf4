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
import java.util.List;
import java.util.Optional;

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

    /** With the user and their roles in the same statement: every API request asks this first. */
    public static Optional<ApiToken> findUsable(String tokenHash, Instant now) {
        // no row limit: the roles' join repeats the row per role, and a limit would page the fetch in memory (HHH90003004)
        return find("from ApiToken t join fetch t.user u left join fetch u.roles where t.tokenHash = ?1 and t.revokedAt is null"
                + " and t.expiresAt > ?2", tokenHash, now).<ApiToken>list().stream().findFirst();
    }

    public static List<ApiToken> ownedBy(User user) {
        return list("user = ?1 order by createdAt desc", user);
    }

    public boolean usable(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
