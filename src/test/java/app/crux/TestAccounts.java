package app.crux;

import app.crux.account.AccountService;
import app.crux.account.Role;
import app.crux.account.User;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** People for tests: each call makes a fresh account, so tests never share sessions or throttles. */
public final class TestAccounts {

    public static final String PASSWORD = "plenty-long-test-passphrase";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-root-passphrase-42";
    public static final String SESSION_COOKIE = "crux-session";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestAccounts() {
    }

    public static User create(String prefix, Role... roles) {
        String username = prefix + "-" + System.nanoTime() % 100000 + "-" + COUNTER.incrementAndGet();
        Set<Role> set = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
        return Arc.container().instance(AccountService.class).get()
                .create(new AccountService.NewUser(username, prefix + " person", PASSWORD, set));
    }

    /** Signs in through the real login form and returns the session cookie's value. */
    public static String login(String username, String password) {
        var response = given().redirects().follow(false)
                .formParam("username", username).formParam("password", password)
                .post("/j_security_check");
        String cookie = response.cookie(SESSION_COOKIE);
        if (response.statusCode() != 302 || cookie == null) {
            throw new AssertionError("no session cookie after signing in as " + username + ": "
                    + response.statusCode() + " " + response.header("Location"));
        }
        return cookie;
    }

    public static String login(User user) {
        return login(user.username, PASSWORD);
    }

    /** A bearer token from POST /api/auth/token. */
    public static String token(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/auth/token")
                .then().statusCode(200)
                .extract().path("token");
    }

    public static String token(User user) {
        return token(user.username, PASSWORD);
    }
}
