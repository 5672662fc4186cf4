package app.crux.account;

import app.crux.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ApiTokenTest {

    private static final Map<String, Object> NEW_USER = Map.of("username", "token-made", "password", "fresh-account-passphrase",
            "roles", List.of());

    @Test
    void theRightPasswordGivesAnExpiringToken() {
        User admin = TestAccounts.create("tok-admin", Role.ADMIN);
        given().contentType(ContentType.JSON).body(Map.of("username", admin.username, "password", TestAccounts.PASSWORD))
                .post("/api/auth/token")
                .then().statusCode(200).body("token", startsWith("crux_")).body("expiresAt", notNullValue());
    }

    @Test
    void aWrongPasswordGivesNoToken() {
        User admin = TestAccounts.create("tok-wrong", Role.ADMIN);
        given().contentType(ContentType.JSON).body(Map.of("username", admin.username, "password", "not-the-right-one"))
                .post("/api/auth/token")
                .then().statusCode(401).body("error", containsString("not right"));
    }

    @Test
    void theTokenIsStoredOnlyAsAHash() {
        User admin = TestAccounts.create("tok-hash", Role.ADMIN);
        String token = TestAccounts.token(admin);
        String stored = QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>find("user.id", admin.id).firstResult().tokenHash);
        assertNotEquals(token, stored);
        assertEquals(ApiTokenService.hash(token), stored);
    }

    @Test
    void aRevokedTokenIsRefused() {
        User admin = TestAccounts.create("tok-revoke", Role.ADMIN);
        String token = TestAccounts.token(admin);
        createUser(token, "tok-before-revoke").then().statusCode(201);

        String cookie = TestAccounts.login(admin);
        String csrf = given().cookie(SESSION_COOKIE, cookie).get("/account").then().extract().cookie("crux-csrf");
        long tokenId = QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>find("user.id", admin.id).firstResult().id);
        given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf).formParam("csrf-token", csrf)
                .post("/account/tokens/" + tokenId + "/revoke").then().statusCode(303);

        createUser(token, "tok-after-revoke").then().statusCode(401).body("error", containsString("revoked"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        User admin = TestAccounts.create("tok-expired", Role.ADMIN);
        String token = TestAccounts.token(admin);
        QuarkusTransaction.requiringNew().run(() -> ApiToken.update("expiresAt = ?1 where user.id = ?2",
                Instant.now().minusSeconds(1), admin.id));
        createUser(token, "tok-after-expiry").then().statusCode(401).body("error", containsString("expired"));
    }

    @Test
    void aTokenOfADisabledAccountIsRefused() {
        User admin = TestAccounts.create("tok-disabled", Role.ADMIN);
        String token = TestAccounts.token(admin);
        QuarkusTransaction.requiringNew().run(() -> User.update("enabled = false where id = ?1", admin.id));
        createUser(token, "tok-disabled-made").then().statusCode(401);
    }

    /** The token's account is read in plain SQL on every call: its roles, and its last use at most once in five minutes. */
    @Test
    void aTokenCarriesItsAccountsRolesAndStampsItsLastUseAtMostEveryFiveMinutes() {
        User both = TestAccounts.create("tok-roles", Role.EDITOR, Role.ADMIN);
        User editor = TestAccounts.create("tok-editor", Role.EDITOR);
        String token = TestAccounts.token(both);
        assertEquals(null, lastUsed(both.id));

        createUser(token, "tok-by-admin").then().statusCode(201);
        createUser(TestAccounts.token(editor), "tok-by-editor").then().statusCode(403);
        Instant first = lastUsed(both.id);
        assertNotEquals(null, first);
        assertTrue(Duration.between(first, Instant.now()).abs().getSeconds() < 60, "stamped now: " + first);

        createUser(token, "tok-again").then().statusCode(201);
        assertEquals(first, lastUsed(both.id), "a second call within five minutes writes nothing");

        Instant longAgo = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        QuarkusTransaction.requiringNew().run(() -> ApiToken.update("lastUsedAt = ?1 where user.id = ?2", longAgo, both.id));
        createUser(token, "tok-later").then().statusCode(201);
        assertTrue(lastUsed(both.id).isAfter(longAgo.plus(Duration.ofMinutes(9))), "stamped again after five minutes");
    }

    private static Instant lastUsed(long userId) {
        return QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>find("user.id", userId).firstResult().lastUsedAt);
    }

    private static io.restassured.response.Response createUser(String token, String username) {
        Map<String, Object> body = new java.util.HashMap<>(NEW_USER);
        body.put("username", username + "-" + System.nanoTime() % 100000);
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body).post("/api/users");
    }
}
