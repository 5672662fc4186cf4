package app.crux.web;

import app.crux.TestAccounts;
import app.crux.account.ApiToken;
import app.crux.account.Role;
import app.crux.account.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class WebShellTest {

    private static final int ELEVEN_MEGABYTES = 11 * 1024 * 1024;

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        User editor = TestAccounts.create("csrf", Role.EDITOR);
        String cookie = TestAccounts.login(editor);
        given().cookie(SESSION_COOKIE, cookie).redirects().follow(false)
                .formParam("name", "sneaky token")
                .post("/account/tokens")
                .then().statusCode(403).body(containsString("reload the page"));
        long tokens = QuarkusTransaction.requiringNew().call(() -> ApiToken.count("user.id", editor.id));
        assertEquals(0, tokens);
    }

    @Test
    void aFormPostedWithItsCsrfTokenIsAccepted() {
        User editor = TestAccounts.create("csrf-ok", Role.EDITOR);
        String cookie = TestAccounts.login(editor);
        String csrf = given().cookie(SESSION_COOKIE, cookie).get("/account").then().extract().cookie("crux-csrf");
        given().cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf)
                .formParam("csrf-token", csrf).formParam("name", "my script")
                .post("/account/tokens")
                .then().statusCode(200).body(containsString("copy it now"));
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        byte[] body = new byte[ELEVEN_MEGABYTES];
        given().contentType(ContentType.JSON).body(body).post("/api/users")
                .then().statusCode(413).body("error", containsString("larger than 10 MB"));
        given().contentType(ContentType.URLENC).body("username=" + "x".repeat(ELEVEN_MEGABYTES)).post("/admin/users")
                .then().statusCode(413).body(containsString("Too large"));
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("same-origin"));
    }

    @Test
    void unknownPagesGetAFriendly404AndTheApiGetsJson() {
        given().accept(ContentType.HTML).get("/no-such-page").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("Not found"));
        given().get("/api/no-such-thing").then().statusCode(404)
                .contentType(containsString("application/json")).body("error", containsString("nothing at this address"));
    }

    @Test
    void malformedJsonIsA400WithAMessage() {
        String token = TestAccounts.token(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body("{\"username\": ")
                .post("/api/users").then().statusCode(400).body("error", containsString("not valid JSON"));
    }

    @Test
    void healthAndOpenApiAreServedOnTheMainPort() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/auth/token"));
    }

    @Test
    void theLayoutShowsNavigationForTheRolesOfThePerson() {
        String reviewer = TestAccounts.login(TestAccounts.create("nav-reviewer", Role.REVIEWER));
        given().cookie(SESSION_COOKIE, reviewer).get("/").then().statusCode(200)
                .body(containsString("Review queue")).body(not(containsString("data-role=\"editor\"")))
                .body(not(containsString("data-role=\"admin\""))).body(containsString("Sign out"));
        given().get("/").then().body(containsString("Sign in")).body(not(containsString("Review queue")));
    }
}
