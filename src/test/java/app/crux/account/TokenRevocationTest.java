package app.crux.account;

import app.crux.TestAccounts;
import app.crux.audit.AuditEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static app.crux.TestAccounts.PASSWORD;
import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A password change, disabling an account and "sign out everywhere" revoke the account's API tokens too. */
@QuarkusTest
class TokenRevocationTest {

    private static final String NEW_PASSWORD = "a-brand-new-passphrase";

    @Test
    void changingThePasswordRevokesEveryTokenMintedBefore() {
        User editor = TestAccounts.create("rev-pw", Role.EDITOR);
        String first = TestAccounts.token(editor);
        String second = TestAccounts.token(editor);
        assertTokenWorks(first);
        assertTokenWorks(second);

        String cookie = TestAccounts.login(editor);
        String csrf = LoginTest.csrfToken(cookie);
        given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf)
                .formParam("csrf-token", csrf).formParam("current", PASSWORD)
                .formParam("password", NEW_PASSWORD).formParam("confirm", NEW_PASSWORD)
                .post("/account/password")
                .then().statusCode(303).header("Location", endsWith("/login"));

        assertTokenRevoked(first);
        assertTokenRevoked(second);
        AuditEvent event = lastEvent("user.password", editor.id);
        assertEquals(2, ((Number) event.after.get("tokensRevoked")).intValue());
        assertTrue(event.summary.contains("2 API token(s) revoked"), event.summary);
        assertAccountPageShowsRevoked(TestAccounts.login(editor.username, NEW_PASSWORD), 2);
    }

    @Test
    void disablingAnAccountRevokesItsTokensForGood() {
        User reviewer = TestAccounts.create("rev-off", Role.REVIEWER);
        String token = TestAccounts.token(reviewer);
        assertTokenWorks(token);
        User admin = TestAccounts.create("rev-admin", Role.ADMIN);
        String adminCookie = TestAccounts.login(admin);
        String csrf = LoginTest.csrfToken(adminCookie);

        given().redirects().follow(false).cookie(SESSION_COOKIE, adminCookie).cookie("crux-csrf", csrf)
                .formParam("csrf-token", csrf).post("/admin/users/" + reviewer.id + "/disable")
                .then().statusCode(303);
        assertTokenRevoked(token);
        AuditEvent event = lastEvent("user.disable", reviewer.id);
        assertEquals(admin.id, event.actorId);
        assertEquals(1, ((Number) event.after.get("tokensRevoked")).intValue());

        // enabling the account again does not bring the token back
        given().redirects().follow(false).cookie(SESSION_COOKIE, adminCookie).cookie("crux-csrf", csrf)
                .formParam("csrf-token", csrf).post("/admin/users/" + reviewer.id + "/enable")
                .then().statusCode(303);
        assertTokenRevoked(token);
        assertAccountPageShowsRevoked(TestAccounts.login(reviewer), 1);
    }

    @Test
    void signingOutEverywhereEndsEverySessionAndRevokesEveryToken() {
        User editor = TestAccounts.create("rev-all", Role.EDITOR);
        String token = TestAccounts.token(editor);
        String otherBrowser = TestAccounts.login(editor);
        String cookie = TestAccounts.login(editor);
        String csrf = LoginTest.csrfToken(cookie);
        given().cookie(SESSION_COOKIE, cookie).get("/account").then().statusCode(200)
                .body(containsString("action=\"/account/sign-out-everywhere\""));

        var response = given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf)
                .formParam("csrf-token", csrf).post("/account/sign-out-everywhere");
        response.then().statusCode(303).header("Location", endsWith("/login"));
        assertEquals("", response.cookie(SESSION_COOKIE), "the browser's own cookie is dropped");

        assertTokenRevoked(token);
        given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).get("/account").then().statusCode(302);
        given().redirects().follow(false).cookie(SESSION_COOKIE, otherBrowser).get("/account").then().statusCode(302);
        AuditEvent event = lastEvent("user.signout-everywhere", editor.id);
        assertEquals(editor.id, event.actorId);
        assertEquals(1, ((Number) event.after.get("tokensRevoked")).intValue());
        assertAccountPageShowsRevoked(TestAccounts.login(editor), 1);
    }

    @Test
    void signingOutEverywhereNeedsTheCsrfToken() {
        User editor = TestAccounts.create("rev-csrf", Role.EDITOR);
        String token = TestAccounts.token(editor);
        String cookie = TestAccounts.login(editor);
        String csrf = LoginTest.csrfToken(cookie);
        given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf)
                .formParam("csrf-token", "forged-" + csrf).post("/account/sign-out-everywhere")
                .then().statusCode(anyOf(is(400), is(403)));
        assertTokenWorks(token);
        given().cookie(SESSION_COOKIE, cookie).get("/account").then().statusCode(200);
    }

    /** Any bearer request is judged by its token: a public GET answers 200, or 401 for a dead token. */
    private static void assertTokenWorks(String token) {
        given().header("Authorization", "Bearer " + token).get("/api/contested").then().statusCode(200);
    }

    private static void assertTokenRevoked(String token) {
        given().header("Authorization", "Bearer " + token).get("/api/contested")
                .then().statusCode(401).body("error", containsString("revoked"));
        String hash = ApiTokenService.hash(token);
        assertNotNull(QuarkusTransaction.requiringNew().call(() ->
                ApiToken.<ApiToken>find("tokenHash", hash).singleResult().revokedAt));
    }

    private static void assertAccountPageShowsRevoked(String cookie, int expected) {
        Document page = Jsoup.parse(given().cookie(SESSION_COOKIE, cookie).get("/account")
                .then().statusCode(200).extract().asString());
        long revoked = page.select("#tokens-heading ~ table tbody tr").stream()
                .filter(row -> row.text().contains("revoked")).count();
        assertEquals(expected, revoked, page.select("table").outerHtml());
    }

    private static AuditEvent lastEvent(String action, long userId) {
        return QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.<AuditEvent>find("action = ?1 and entityId = ?2 order by id desc", action, userId).firstResult());
    }
}
