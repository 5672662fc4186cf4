package app.crux.account;

import app.crux.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/** Who may manage accounts: anonymous, editor, reviewer and admin against the page and the API. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {

    private String editorCookie;
    private String reviewerCookie;
    private String adminCookie;
    private String editorToken;
    private String reviewerToken;
    private String adminToken;

    /** Once per class, but in @BeforeEach: RestAssured only knows the test port once a test runs. */
    @BeforeEach
    void people() {
        if (adminToken != null) {
            return;
        }
        User editor = TestAccounts.create("matrix-editor", Role.EDITOR);
        User reviewer = TestAccounts.create("matrix-reviewer", Role.REVIEWER);
        User admin = TestAccounts.create("matrix-admin", Role.ADMIN);
        editorCookie = TestAccounts.login(editor);
        reviewerCookie = TestAccounts.login(reviewer);
        adminCookie = TestAccounts.login(admin);
        editorToken = TestAccounts.token(editor);
        reviewerToken = TestAccounts.token(reviewer);
        adminToken = TestAccounts.token(admin);
    }

    @ParameterizedTest(name = "{0} on /admin/users gets {1}")
    @CsvSource({"anonymous, 303", "editor, 403", "reviewer, 403", "admin, 200"})
    void userAdminPage(String who, int status) {
        var response = withSession(who).redirects().follow(false).get("/admin/users").then().statusCode(status);
        switch (status) {
            case 303 -> response.header("Location", endsWith("/login"));
            case 403 -> response.body(containsString("Not allowed"));
            default -> response.body(containsString("Add a person"));
        }
    }

    @ParameterizedTest(name = "{0} on POST /api/users gets {1}")
    @CsvSource({"anonymous, 401", "editor, 403", "reviewer, 403", "admin, 201"})
    void createUserApi(String who, int status) {
        String username = "made-by-" + who + "-" + System.nanoTime() % 100000;
        var response = withToken(who).contentType(ContentType.JSON)
                .body(Map.of("username", username, "displayName", "New Person", "password", "fresh-account-passphrase",
                        "roles", List.of("EDITOR", "REVIEWER")))
                .post("/api/users").then().statusCode(status);
        if (status == 201) {
            response.body("username", org.hamcrest.Matchers.equalTo(username))
                    .body("roles", org.hamcrest.Matchers.contains("EDITOR", "REVIEWER"));
            TestAccounts.login(username, "fresh-account-passphrase");
        } else {
            response.body("error", org.hamcrest.Matchers.notNullValue());
        }
    }

    @ParameterizedTest(name = "a session cookie alone cannot write to the API ({0})")
    @CsvSource({"admin"})
    void sessionCookieCannotWriteToTheApi(String who) {
        withSession(who).contentType(ContentType.JSON)
                .body(Map.of("username", "via-cookie", "password", "fresh-account-passphrase", "roles", List.of()))
                .post("/api/users").then().statusCode(401).body("error", containsString("Bearer"));
    }

    private RequestSpecification withSession(String who) {
        String cookie = switch (who) {
            case "editor" -> editorCookie;
            case "reviewer" -> reviewerCookie;
            case "admin" -> adminCookie;
            default -> null;
        };
        return cookie == null ? given() : given().cookie(SESSION_COOKIE, cookie);
    }

    private RequestSpecification withToken(String who) {
        String token = switch (who) {
            case "editor" -> editorToken;
            case "reviewer" -> reviewerToken;
            case "admin" -> adminToken;
            default -> null;
        };
        return token == null ? given() : given().header("Authorization", "Bearer " + token);
    }
}
