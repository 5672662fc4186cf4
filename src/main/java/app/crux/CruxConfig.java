package app.crux;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/** Every {@code crux.*} setting, one line of Javadoc each; README lists them too. */
@ConfigMapping(prefix = "crux")
public interface CruxConfig {

    /** Password for the {@code admin} account created at a start when no enabled account is an admin ({@code CRUX_ADMIN_PASSWORD}); random and logged once when unset. */
    Optional<String> adminPassword();

    Session session();

    Login login();

    Token token();

    @WithName("import")
    Import importing();

    Demo demo();

    Http http();

    interface Http {
        /** Mark every cookie Secure, whatever the request came in over (on in production, which runs behind TLS). */
        @WithDefault("false")
        boolean secureCookies();

        /** Requests worked on at once; more are answered 503 + Retry-After at once instead of queueing (web.Admission). */
        @WithDefault("12")
        int maxConcurrentRequests();

        /** A request not answered within this is answered 503 + Retry-After (web.Admission). */
        @WithDefault("PT10S")
        Duration requestTimeout();
    }

    interface Demo {
        /** Load the bundled demo corpus when the database has no documents (on in dev mode). */
        @WithDefault("false")
        boolean loadOnEmpty();
    }

    interface Session {
        /** A login lasts at most this long, however active the person is. */
        @WithDefault("PT12H")
        Duration absoluteLifetime();
    }

    interface Login {
        /** Failed logins for one account within the window before further attempts are refused. */
        @WithDefault("5")
        int maxFailuresPerAccount();

        /** Failed logins from one address within the window before further attempts are refused. */
        @WithDefault("20")
        int maxFailuresPerAddress();

        /** How far back failed logins count. */
        @WithDefault("PT15M")
        Duration failureWindow();
    }

    interface Import {
        /** How long fetching a web page for import may take. */
        @WithDefault("PT10S")
        Duration fetchTimeout();

        /** Lets URL import reach this machine; for tests only, never in production (SSRF guard). */
        @WithDefault("false")
        boolean allowLoopback();
    }

    interface Token {
        /** How long a new API token is valid. */
        @WithDefault("P30D")
        Duration lifetime();
    }
}
