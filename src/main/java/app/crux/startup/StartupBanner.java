package app.crux.startup;

import app.crux.CruxConfig;
import app.crux.EmbeddedDatabase;
import app.crux.account.DemoAccounts;
import app.crux.account.FirstAdmin;
import app.crux.demo.DemoCorpus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One readable log block once Crux listens: where to open it, which database it uses, how to
 * sign in as admin (with the generated password on the start that created it) and, in demo
 * mode only, the demo accounts. It runs after the other start-up observers (first admin, demo
 * corpus, demo accounts), as the start's last step; Quarkus' own "Listening on" line follows.
 */
@ApplicationScoped
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;])password=[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:]+):[^/@]*@");
    private static final String RULE = "─".repeat(72);

    @Inject
    CruxConfig config;

    @Inject
    FirstAdmin firstAdmin;

    @Inject
    DemoAccounts demoAccounts;

    @Inject
    DemoCorpus demoCorpus;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> jdbcUrl;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    /** Late (after every default-priority observer: first admin, demo corpus, demo accounts), the last thing a start does. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 100) StartupEvent event) {
        LOG.info(text(port));
    }

    /** The banner for a server on {@code port}; public for the tests, which check what a person would read. */
    public String text(int port) {
        StringBuilder out = new StringBuilder("\n").append(RULE).append('\n');
        out.append("  Crux is ready\n\n");
        line(out, "Open", "http://localhost:" + port + "/");
        line(out, "Database", database());
        line(out, "Admin", admin());
        if (config.demo().loadOnEmpty()) {
            line(out, "Demo mode", demoCorpus.loadedAtStart()
                    .map(l -> "demo corpus loaded on this start: " + l.documents() + " documents, " + l.claims() + " claims, "
                            + l.evidence() + " evidence items, " + l.votes() + " ratings")
                    .orElse("on (the database already had documents, so no demo corpus was loaded now)"));
            var accounts = demoAccounts.usable();
            if (accounts.isEmpty()) {
                line(out, "Demo accounts", "none usable (they exist with other passwords, or are disabled)");
            } else {
                line(out, "Demo accounts", "also shown on /login while demo mode is on");
                for (DemoAccounts.Credentials c : accounts) {
                    out.append(String.format("  %-14s %-10s %-22s %s%n", "", c.username(), c.password(), c.tries()));
                }
            }
        }
        return out.append(RULE).toString();
    }

    private String admin() {
        return firstAdmin.created().map(c -> c.password() == null
                        ? c.username() + ", created on this start with the password from CRUX_ADMIN_PASSWORD"
                        : c.username() + " " + c.password() + "   generated on this first start and not shown again: "
                                + "sign in and change it on /account")
                .orElse("an enabled admin account exists (created on an earlier start; its password is not shown again)");
    }

    private String database() {
        return EmbeddedDatabase.runningDataDir()
                .map(dir -> "embedded PostgreSQL 17, data in " + dir)
                .orElseGet(() -> "external PostgreSQL at " + jdbcUrl.map(StartupBanner::withoutPassword).orElse("(not configured)"));
    }

    /** A JDBC URL as it may be logged: no password parameter, no password in user info. */
    static String withoutPassword(String url) {
        String noParameter = PASSWORD_PARAMETER.matcher(url).replaceAll("$1password=***");
        return USER_INFO.matcher(noParameter).replaceAll("//$1:***@");
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("  %-14s %s%n", label, value));
    }
}
