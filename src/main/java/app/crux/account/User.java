package app.crux.account;

import app.crux.Rows;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A person who signs in: editor, reviewer, admin, or several of these. */
@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "password_hash")
    public String passwordHash;

    public boolean enabled = true;

    /** Moves on at logout, password change and disabling; older session cookies stop working. */
    @Column(name = "session_generation")
    public int sessionGeneration;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    public Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    public static Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static List<User> listByUsername() {
        return list("order by username");
    }

    /**
     * Whether some enabled account holds {@code role}: what FirstAdmin asks at every start. Plain SQL,
     * because as the first query of a start an HQL one would pay Hibernate's query parser warm-up,
     * 15 % of a restart (docs/operations.md "Restart time"); the first request pays it instead.
     */
    public static boolean anyEnabled(Role role) {
        return Rows.count(getEntityManager().createNativeQuery(
                "SELECT count(*) FROM app_user u JOIN user_role r ON r.user_id = u.id WHERE u.enabled AND r.role = ?1")
                .setParameter(1, role.name())) > 0;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
