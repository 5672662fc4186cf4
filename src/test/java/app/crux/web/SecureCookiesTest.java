package app.crux.web;

import app.crux.TestAccounts;
import app.crux.account.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With production's cookie setting (crux.http.secure-cookies, on in %prod) every cookie Crux sets
 * is Secure: the session from form login, the CSRF token and the flash message, though the
 * request itself came over plain HTTP (as it does behind a TLS-terminating proxy).
 */
@QuarkusTest
@TestProfile(SecureCookiesTest.ProductionCookies.class)
class SecureCookiesTest {

    public static class ProductionCookies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crux.http.secure-cookies", "true");
        }
    }

    @Test
    void sessionCsrfAndFlashCookiesAreSecure() {
        var user = TestAccounts.create("secure-cookie", Role.EDITOR);
        var login = given().redirects().follow(false)
                .formParam("username", user.username).formParam("password", TestAccounts.PASSWORD)
                .post("/j_security_check");
        String session = login.cookie(SESSION_COOKIE);
        assertSecure(login.headers().getValues("Set-Cookie"), SESSION_COOKIE);

        var account = given().cookie(SESSION_COOKIE, session).get("/account");
        assertSecure(account.headers().getValues("Set-Cookie"), "crux-csrf");
        String csrf = account.cookie("crux-csrf");

        var logout = given().redirects().follow(false).cookie(SESSION_COOKIE, session).cookie("crux-csrf", csrf)
                .formParam("csrf-token", csrf).post("/logout");
        assertSecure(logout.headers().getValues("Set-Cookie"), "crux-flash");
    }

    private static void assertSecure(List<String> setCookies, String name) {
        assertTrue(setCookies.stream().anyMatch(c -> c.startsWith(name + "=")), name + " not set: " + setCookies);
        for (String cookie : setCookies) {
            boolean secure = List.of(cookie.split(";")).stream().anyMatch(a -> a.strip().equalsIgnoreCase("secure"));
            assertTrue(secure, "not Secure: " + cookie);
        }
        assertFalse(setCookies.isEmpty());
    }
}
