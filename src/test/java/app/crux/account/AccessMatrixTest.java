package app.crux.account;

import app.crux.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every protected route against every kind of visitor: anonymous, a signed-in reader
 * with no role, editor, reviewer, admin. Allowed visitors get past the door (any
 * status but 401/403); the others are turned away the right way.
 */
@QuarkusTest
class AccessMatrixTest {

    private static final long MISSING = 987654321L;

    record Route(String method, String path, Object body, Set<String> allowed) {
        boolean api() {
            return path.startsWith("/api/");
        }
    }

    private static final List<Route> ROUTES = List.of(
            new Route("POST", "/api/documents", Map.of("title", "Access check", "text", "   "), Set.of("editor")),
            new Route("PUT", "/api/documents/" + MISSING, Map.of("text", "new text"), Set.of("editor")),
            new Route("POST", "/api/claims", Map.of("statement", "x"), Set.of("editor")),
            new Route("PATCH", "/api/claims/" + MISSING, Map.of("version", 0), Set.of("editor")),
            new Route("POST", "/api/claims/" + MISSING + "/merge", Map.of("into", MISSING), Set.of("editor")),
            new Route("POST", "/api/claims/" + MISSING + "/evidence", Map.of("documentId", MISSING, "stance", "SUPPORTS"), Set.of("editor")),
            new Route("PUT", "/api/evidence/" + MISSING + "/vote", Map.of("strength", "HIGH"), Set.of("reviewer")),
            new Route("POST", "/api/evidence/" + MISSING + "/discussion/posts", Map.of("body", "x"), Set.of("editor", "reviewer")),
            new Route("PUT", "/api/evidence/" + MISSING + "/discussion/resolution", Map.of("note", "x"), Set.of("editor")),
            new Route("GET", "/api/claims/" + MISSING + "/rating-requests", null, Set.of("editor", "reviewer")),
            new Route("POST", "/api/claims/" + MISSING + "/rating-requests", Map.of("reviewers", List.of("x")), Set.of("editor")),
            new Route("GET", "/review/discussion", null, Set.of("editor", "reviewer")),
            new Route("PATCH", "/api/evidence/" + MISSING, Map.of("version", 1, "note", "x"), Set.of("editor")),
            new Route("DELETE", "/api/evidence/" + MISSING, null, Set.of("editor")),
            new Route("POST", "/api/evidence/" + MISSING + "/restore", Map.of(), Set.of("editor")),
            new Route("PATCH", "/api/documents/" + MISSING, Map.of("version", 1, "title", "x"), Set.of("editor")),
            new Route("GET", "/documents/no-such-document/edit", null, Set.of("editor")),
            new Route("POST", "/api/users", Map.of("username", "x"), Set.of("admin")),
            new Route("POST", "/api/admin/recompute-scores", Map.of(), Set.of("admin")),
            new Route("GET", "/documents/new", null, Set.of("editor")),
            new Route("GET", "/review", null, Set.of("editor", "reviewer")),
            new Route("GET", "/review/passages", null, Set.of("editor")),
            new Route("GET", "/api/history", null, Set.of("editor", "reviewer", "admin")),
            new Route("GET", "/admin/users", null, Set.of("admin")),
            new Route("GET", "/history", null, Set.of("editor", "reviewer", "admin")),
            new Route("GET", "/account", null, Set.of("reader", "editor", "reviewer", "admin")));

    @Test
    void everyRouteLetsInExactlyTheRolesItShould() {
        Map<String, User> people = Map.of(
                "reader", TestAccounts.create("walk-reader"),
                "editor", TestAccounts.create("walk-editor", Role.EDITOR),
                "reviewer", TestAccounts.create("walk-reviewer", Role.REVIEWER),
                "admin", TestAccounts.create("walk-admin", Role.ADMIN));
        Map<String, String> tokens = new java.util.HashMap<>();
        Map<String, String> cookies = new java.util.HashMap<>();
        people.forEach((who, user) -> {
            tokens.put(who, TestAccounts.token(user));
            cookies.put(who, TestAccounts.login(user));
        });
        List<String> wrong = new ArrayList<>();
        for (Route route : ROUTES) {
            for (String who : List.of("anonymous", "reader", "editor", "reviewer", "admin")) {
                RequestSpecification request = given().redirects().follow(false);
                if (!who.equals("anonymous")) {
                    request = route.api() ? request.header("Authorization", "Bearer " + tokens.get(who))
                            : request.cookie(SESSION_COOKIE, cookies.get(who));
                }
                if (route.body() != null) {
                    request = request.contentType(ContentType.JSON).body(route.body());
                }
                int status = request.request(route.method(), route.path()).statusCode();
                boolean allowed = route.allowed().contains(who);
                int refusal = who.equals("anonymous") ? (route.api() ? 401 : 303) : 403;
                boolean right = allowed ? status != 401 && status != 403 && status != 303 : status == refusal;
                if (!right) {
                    wrong.add(route.method() + " " + route.path() + " as " + who + " → " + status);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
