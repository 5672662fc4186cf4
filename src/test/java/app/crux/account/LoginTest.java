package app.crux.account;

import app.crux.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static app.crux.TestAccounts.PASSWORD;
import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LoginTest {

    private static final String WRONG_PASSWORD = "not-the-right-passphrase";

    @Test
    void signingInWithTheRightPasswordOpensTheAccountPage() {
        User editor = TestAccounts.create("login-ok", Role.EDITOR);
        Response response = given().redirects().follow(false)
                .formParam("username", editor.username).formParam("password", PASSWORD)
                .post("/j_security_check");
        assertEquals(302, response.statusCode());
        assertTrue(response.header("Location").endsWith("/"), response.header("Location"));
        String cookie = response.cookie(SESSION_COOKIE);

        given().cookie(SESSION_COOKIE, cookie).get("/account")
                .then().statusCode(200).body(containsString("Signed in as <strong>" + editor.username + "</strong>"));
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() {
        User reviewer = TestAccounts.create("cookie", Role.REVIEWER);
        String setCookie = given().redirects().follow(false)
                .formParam("username", reviewer.username).formParam("password", PASSWORD)
                .post("/j_security_check")
                .then().extract().headers().getValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("; httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
    }

    @Test
    void aWrongPasswordGoesBackToTheLoginPageWithoutASession() {
        User editor = TestAccounts.create("login-bad", Role.EDITOR);
        Response response = given().redirects().follow(false)
                .formParam("username", editor.username).formParam("password", WRONG_PASSWORD)
                .post("/j_security_check");
        assertEquals(302, response.statusCode());
        assertTrue(response.header("Location").endsWith("/login?error=1"), response.header("Location"));
        assertNull(response.cookie(SESSION_COOKIE));
        given().get("/login?error=1").then().statusCode(200).body(containsString("The username or password is not right"));
    }

    @Test
    void aSessionCookieReplayedAfterLogoutIsRefused() {
        User editor = TestAccounts.create("replay", Role.EDITOR);
        String cookie = TestAccounts.login(editor);
        given().cookie(SESSION_COOKIE, cookie).get("/account").then().statusCode(200);

        String csrf = csrfToken(cookie);
        given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf)
                .formParam("csrf-token", csrf).post("/logout")
                .then().statusCode(303);

        // the copied cookie still decrypts, but its session generation is over
        given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).get("/account")
                .then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void changingThePasswordEndsOtherSessions() {
        User editor = TestAccounts.create("pwchange", Role.EDITOR);
        String otherBrowser = TestAccounts.login(editor);
        String cookie = TestAccounts.login(editor);
        String csrf = csrfToken(cookie);
        given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf)
                .formParam("csrf-token", csrf).formParam("current", PASSWORD)
                .formParam("password", "a-brand-new-passphrase").formParam("confirm", "a-brand-new-passphrase")
                .post("/account/password")
                .then().statusCode(303).header("Location", endsWith("/login"));

        given().redirects().follow(false).cookie(SESSION_COOKIE, otherBrowser).get("/account").then().statusCode(302);
        TestAccounts.login(editor.username, "a-brand-new-passphrase");
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhileEvenForTheRightPassword() {
        User editor = TestAccounts.create("throttle", Role.EDITOR);
        for (int i = 0; i < 5; i++) {
            given().redirects().follow(false).formParam("username", editor.username).formParam("password", WRONG_PASSWORD)
                    .post("/j_security_check").then().header("Location", endsWith("/login?error=1"));
        }
        given().redirects().follow(false).formParam("username", editor.username).formParam("password", PASSWORD)
                .post("/j_security_check").then().statusCode(302).header("Location", endsWith("/login?error=1"));
    }

    @Test
    void repeatedFailuresFromOneAddressAreThrottledAcrossAccounts() {
        User editor = TestAccounts.create("address", Role.EDITOR);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < 40; i++) {
                    LoginFailure.record("someone-" + i, "127.0.0.1");
                }
            });
            given().redirects().follow(false).formParam("username", editor.username).formParam("password", PASSWORD)
                    .post("/j_security_check").then().statusCode(302).header("Location", endsWith("/login?error=1"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> LoginFailure.delete("username like 'someone-%'"));
        }
        TestAccounts.login(editor);
    }

    @Test
    void aLoginPostedFromAnotherSiteIsRefused() {
        User editor = TestAccounts.create("origin", Role.EDITOR);
        Response response = given().redirects().follow(false).header("Origin", "https://evil.example")
                .formParam("username", editor.username).formParam("password", PASSWORD)
                .post("/j_security_check");
        assertTrue(response.header("Location").endsWith("/login?error=1"), response.header("Location"));
        assertNull(response.cookie(SESSION_COOKIE));
    }

    @Test
    void disablingAnAccountEndsItsSessions() {
        User editor = TestAccounts.create("disabled", Role.EDITOR);
        String cookie = TestAccounts.login(editor);
        QuarkusTransaction.requiringNew().run(() ->
                io.quarkus.arc.Arc.container().instance(AccountService.class).get().setEnabled(editor.id, false, null));
        given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).get("/account").then().statusCode(302);
    }

    /** The CSRF token a page hands out, which quarkus-rest-csrf also sets as a cookie. */
    static String csrfToken(String sessionCookie) {
        return given().cookie(SESSION_COOKIE, sessionCookie).get("/account")
                .then().statusCode(200).extract().cookie("crux-csrf");
    }
}
