package app.crux.startup;

import app.crux.OwnDatabaseProfile;
import app.crux.TestAccounts;
import app.crux.account.DemoAccounts;
import app.crux.account.Role;
import app.crux.account.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A new production instance: empty database, demo mode off. Its home page says what to do
 * next to each role, and nothing anywhere offers a demo account or a password.
 */
@QuarkusTest
@TestProfile(EmptyInstanceTest.EmptyProduction.class)
class EmptyInstanceTest {

    public static class EmptyProduction extends OwnDatabaseProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crux.demo.load-on-empty", "false");
        }
    }

    @Inject
    DemoAccounts demoAccounts;

    @Inject
    StartupBanner banner;

    @Test
    void theHomePageTellsEachRoleWhatToDoFirst() {
        assumeTrue(System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null, "needs a fresh embedded database");
        Document reader = home(null);
        assertEquals("Nothing is published yet", reader.selectFirst("#start-heading").text());
        assertTrue(reader.selectFirst(".getting-started").select("a[href=\"/about\"]").size() == 1);
        assertTrue(reader.select(".getting-started a[href=\"/admin/users\"], .getting-started a[href=\"/documents/new\"]").isEmpty());

        Document admin = home(TestAccounts.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD));
        assertNotNull(admin.selectFirst(".getting-started a[href=\"/admin/users\"]"));
        assertTrue(admin.selectFirst(".getting-started").text().contains("Add people"));
        assertTrue(admin.select(".getting-started a[href=\"/documents/new\"]").isEmpty(), "admin is not an editor");

        User editor = QuarkusTransaction.requiringNew().call(() -> TestAccounts.create("first-editor", Role.EDITOR));
        Document editorHome = home(TestAccounts.login(editor));
        assertNotNull(editorHome.selectFirst(".getting-started a[href=\"/documents/new\"]"));
        assertTrue(editorHome.selectFirst(".getting-started").text().contains("Import a first document"));
        assertTrue(editorHome.select(".getting-started a[href=\"/admin/users\"]").isEmpty());
    }

    @Test
    void noDemoAccountOrPasswordAnywhere() {
        String login = given().get("/login").then().statusCode(200).extract().asString();
        assertFalse(login.contains("Demo accounts"), login);
        assertTrue(Jsoup.parse(login).select("code.secret").isEmpty());
        assertTrue(demoAccounts.usable().isEmpty());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> User.findByUsername("reviewer2").isEmpty()));
        String text = banner.text(8080);
        assertTrue(text.contains("Crux is ready") && text.contains("http://localhost:8080/"), text);
        assertFalse(text.contains("Demo"), text);
    }

    private static Document home(String session) {
        var request = given();
        if (session != null) {
            request.cookie(TestAccounts.SESSION_COOKIE, session);
        }
        return Jsoup.parse(request.get("/").then().statusCode(200).extract().asString());
    }
}
