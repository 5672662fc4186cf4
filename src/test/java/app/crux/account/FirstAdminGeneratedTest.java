package app.crux.account;

import app.crux.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * README's first run without CRUX_ADMIN_PASSWORD, demo corpus on: the password printed in the
 * log (read back from the log file, as a person would) signs admin in, and is printed once.
 */
@QuarkusTest
@TestProfile(FirstAdminProfiles.GeneratedPassword.class)
class FirstAdminGeneratedTest {

    private static final Pattern PRINTED = Pattern.compile("username '([a-z0-9-]+)', password '([^']+)'");

    @Inject
    FirstAdmin firstAdmin;

    @Test
    void thePrintedPasswordSignsInAndIsNotPrintedAgain() throws IOException {
        assumeTrue(System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null, "needs a fresh embedded database");
        List<String[]> printed = printed();
        assertEquals(1, printed.stream().filter(p -> p[0].equals("admin")).count(), printed.toString());
        String password = printed.stream().filter(p -> p[0].equals("admin")).findFirst().orElseThrow()[1];
        assertTrue(TestAccounts.token("admin", password).startsWith("crux_"));

        // what the next start does on this database: an enabled admin exists, so nothing is created or printed
        assertEquals(Optional.empty(), firstAdmin.ensure());
        assertEquals(printed.size(), printed().size());
    }

    @Test
    void aDisabledAccountNamedAdminIsLeftAloneAndANewAdminIsNamedInTheLog() throws IOException {
        assumeTrue(System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null, "needs a fresh embedded database");
        QuarkusTransaction.requiringNew().run(() -> User.update("enabled = false where username = 'admin'"));
        try {
            assertEquals(Optional.of("admin-2"), firstAdmin.ensure());
            String log = Files.readString(FirstAdminProfiles.GENERATED_LOG);
            assertTrue(log.contains("'admin' exists but is disabled; it is left as it is"), log);
            String password = printed().stream().filter(p -> p[0].equals("admin-2")).findFirst().orElseThrow()[1];
            assertTrue(TestAccounts.token("admin-2", password).startsWith("crux_"));
            given().contentType("application/json").body(java.util.Map.of("username", "admin", "password", "x".repeat(20)))
                    .post("/api/auth/token").then().statusCode(401);
            assertFalse(QuarkusTransaction.requiringNew().call(() -> User.findByUsername("admin").orElseThrow().enabled));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                User.update("enabled = true where username = 'admin'");
                User.update("enabled = false where username = 'admin-2'");
            });
        }
    }

    /** Every (username, password) pair the log has printed so far. */
    private static List<String[]> printed() throws IOException {
        Matcher matcher = PRINTED.matcher(Files.readString(FirstAdminProfiles.GENERATED_LOG));
        List<String[]> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(new String[] {matcher.group(1), matcher.group(2)});
        }
        return found;
    }
}
