package app.crux.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A failed (or not yet checked) sign-in, kept in the database so throttling holds across instances and restarts. */
@Entity
@Table(name = "login_failure")
public class LoginFailure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;

    public String address;

    @Column(name = "failed_at")
    public Instant failedAt = Instant.now();

    public static long forAccountSince(String username, Instant since) {
        return count("username = ?1 and failedAt > ?2", username, since);
    }

    public static long fromAddressSince(String address, Instant since) {
        return count("address = ?1 and failedAt > ?2", address, since);
    }

    /** Both values are keys from {@link LoginThrottle}: bounded, never raw user input. */
    public static LoginFailure record(String username, String address) {
        LoginFailure failure = new LoginFailure();
        failure.username = username;
        failure.address = address;
        failure.persist();
        return failure;
    }

    public static void forgetAccount(String username) {
        delete("username", username);
    }
}
