package app.crux.account;

import app.crux.TestAccounts;
import app.crux.document.Document;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** README's first run with CRUX_ADMIN_PASSWORD on an empty database, demo corpus on: admin can sign in. */
@QuarkusTest
@TestProfile(FirstAdminProfiles.ConfiguredPassword.class)
class FirstAdminConfiguredTest {

    @Test
    void theDemoCorpusDoesNotKeepTheFirstAdminFromBeingCreated() {
        assumeTrue(System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null, "needs a fresh embedded database");
        // set-up: the demo loaded, its rating reviewers are accounts (disabled ones) besides admin, and so are
        // the demo accounts to try Crux with (enabled)
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Document.count()) >= 4);
        List<String> others = QuarkusTransaction.requiringNew().call(() -> User.<User>list("username <> 'admin' order by username")
                .stream().map(u -> u.username + (u.enabled ? "" : " (disabled)")).toList());
        assertEquals(List.of("demo-coach (disabled)", "demo-physio (disabled)", "demo-researcher (disabled)",
                "demo-student (disabled)", "editor", "reviewer", "reviewer2"), others);

        String token = TestAccounts.token("admin", FirstAdminProfiles.CONFIGURED_PASSWORD);
        assertTrue(token.startsWith("crux_"));
        String cookie = TestAccounts.login("admin", FirstAdminProfiles.CONFIGURED_PASSWORD);
        given().cookie(SESSION_COOKIE, cookie).get("/admin/users").then().statusCode(200)
                .body(containsString("demo-physio"));
    }
}
