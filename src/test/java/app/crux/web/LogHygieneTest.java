package app.crux.web;

import app.crux.TestAccounts;
import app.crux.account.Role;
import app.crux.account.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every log line written while people sign in (form and API), fail to, get a CSRF token, create and
 * use API tokens, change a password and sign out: none holds a password, token, session cookie or
 * CSRF token, and a username with a line break cannot forge a log line. The test profile logs
 * app.crux at DEBUG, so debug lines are checked too.
 */
@QuarkusTest
class LogHygieneTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            StringBuilder text = new StringBuilder(record.getLoggerName() + " " + message);
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append('\n').append(trace);
            }
            lines.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void noSecretInAnyLogLineAndNoForgedLines() {
        User user = TestAccounts.create("loghygiene", Role.EDITOR, Role.REVIEWER);
        String wrongPassword = "wrong-but-long-horse-battery-" + System.nanoTime();
        String newPassword = "replacement-quiet-meadow-lantern-" + System.nanoTime();
        String forged = "evil\nFAKE LOG LINE";
        String forgedPassword = "forged-user-passphrase-" + System.nanoTime();

        // failed sign-ins: wrong password, unknown and hostile usernames, through the form and the API
        given().redirects().follow(false).formParam("username", user.username).formParam("password", wrongPassword)
                .post("/j_security_check").then().statusCode(302);
        given().redirects().follow(false).formParam("username", forged).formParam("password", forgedPassword)
                .post("/j_security_check").then().statusCode(302);
        given().contentType(ContentType.JSON).body(Map.of("username", forged, "password", forgedPassword))
                .post("/api/auth/token").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("username", user.username, "password", wrongPassword))
                .post("/api/auth/token").then().statusCode(401);

        // a session, its CSRF token, an API token made and used, a password change, a sign-out
        String session = TestAccounts.login(user);
        String csrf = given().cookie(TestAccounts.SESSION_COOKIE, session).get("/account").then().statusCode(200)
                .extract().cookie("crux-csrf");
        String token = TestAccounts.token(user);
        given().header("Authorization", "Bearer " + token).get("/api/claims").then().statusCode(200);
        given().header("Authorization", "Bearer " + token + "x").get("/api/claims").then().statusCode(401);
        given().redirects().follow(false).cookie(TestAccounts.SESSION_COOKIE, session).cookie("crux-csrf", csrf)
                .formParam("csrf-token", csrf).formParam("current", TestAccounts.PASSWORD)
                .formParam("password", newPassword).formParam("confirm", newPassword)
                .post("/account/password").then().statusCode(303);
        String second = TestAccounts.login(user.username, newPassword);
        String secondCsrf = given().cookie(TestAccounts.SESSION_COOKIE, second).get("/account").then().statusCode(200)
                .extract().cookie("crux-csrf");
        given().redirects().follow(false).cookie(TestAccounts.SESSION_COOKIE, second).cookie("crux-csrf", secondCsrf)
                .formParam("csrf-token", secondCsrf).post("/logout").then().statusCode(303);

        // the set-up: the log was captured, and the failures were logged
        assertTrue(lines.stream().anyMatch(l -> l.contains("Sign-in to '" + user.username + "'") && l.contains("failed")),
                "the failed sign-in was not logged, so nothing was captured: " + lines);
        assertTrue(lines.stream().filter(l -> l.contains("Sign-in to")).count() >= 4, lines.toString());

        Map<String, String> secrets = Map.of("password", TestAccounts.PASSWORD, "wrong password", wrongPassword,
                "new password", newPassword, "hostile user's password", forgedPassword, "session cookie", session,
                "second session cookie", second, "CSRF token", csrf, "second CSRF token", secondCsrf, "API token", token);
        for (var secret : secrets.entrySet()) {
            List<String> leaks = lines.stream().filter(l -> l.contains(secret.getValue())).toList();
            assertEquals(List.of(), leaks, "the " + secret.getKey() + " is in the log");
        }
        for (String line : lines) {
            for (String physical : line.split("\\R")) {
                assertFalse(physical.startsWith("FAKE"), "a username forged a log line: " + line);
            }
            assertFalse(line.contains(forged), "a username with a line break was logged as it is: " + line);
        }
    }
}
