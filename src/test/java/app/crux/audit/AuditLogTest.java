package app.crux.audit;

import app.crux.TestAccounts;
import app.crux.account.Role;
import app.crux.account.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class AuditLogTest {

    @Test
    void creatingAUserThroughTheApiRecordsWhoDidItAndTheNewState() {
        User admin = TestAccounts.create("audit-admin", Role.ADMIN);
        String token = TestAccounts.token(admin);
        String username = "audited-" + System.nanoTime() % 100000;
        int id = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("username", username, "displayName", "Audited Person", "password", "fresh-account-passphrase",
                        "roles", List.of("REVIEWER")))
                .post("/api/users").then().statusCode(201).extract().path("id");

        AuditEvent event = QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.<AuditEvent>find("action = 'user.create' and entityId = ?1", (long) id).singleResult());
        assertEquals(admin.id, event.actorId);
        assertEquals(admin.username, event.actorName);
        assertNull(event.before);
        assertEquals(username, event.after.get("username"));
        assertEquals(List.of("REVIEWER"), event.after.get("roles"));
        assertEquals(null, event.after.get("password"));

        String cookie = TestAccounts.login(admin);
        given().cookie(SESSION_COOKIE, cookie).get("/history").then().statusCode(200)
                .body(containsString("Created account " + username));
    }

    @Test
    void aRefusedWriteLeavesNoAuditEvent() {
        long before = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action", "user.create"));
        String token = TestAccounts.token(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("username", "short-pw", "password", "short", "roles", List.of()))
                .post("/api/users").then().statusCode(400).body("details[0]", containsString("at least 12"));
        long after = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action", "user.create"));
        assertEquals(before, after);
    }
}
