package app.crux.web;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/** Bean Validation on API records and form records answers through the mappers, in the project's shapes. */
@QuarkusTest
class ValidationTest {

    @Test
    void anApiBodyMissingARequiredFieldIsRefusedWithEachFieldNamed() {
        given().contentType(ContentType.JSON).body("{}").post("/api/auth/token")
                .then().statusCode(400).contentType(containsString("application/json"))
                .body("error", equalTo("Some fields are not valid."))
                .body("details", hasItems("username: username is missing.", "password: password is missing."));
    }

    @Test
    void oneProblemIsTheErrorItself() {
        long claim = TestApi.id(TestApi.createClaim("Validation merge target " + System.nanoTime(), null, null)
                .then().statusCode(201).extract().jsonPath().getMap(""));
        TestApi.asEditor().contentType(ContentType.JSON).body("{}").post("/api/claims/" + claim + "/merge")
                .then().statusCode(400).body("error", equalTo("Send {into: id of the claim to merge into}."))
                .body("details", hasItems("into: Send {into: id of the claim to merge into}."));
        TestApi.asEditor().contentType(ContentType.JSON).body("{\"documentId\": 1, \"stance\": \"SUPPORTS\", \"note\": \""
                + "n".repeat(2001) + "\"}").post("/api/claims/" + claim + "/evidence")
                .then().statusCode(400).body("error", equalTo("at most 2000 characters")).body("details", hasItems("note: at most 2000 characters"));
    }

    @Test
    void aRefusedSignInIsAnsweredByItsMapper() {
        given().contentType(ContentType.JSON).body("{\"username\": \"nobody-here\", \"password\": \"plenty-long-test-passphrase\"}")
                .post("/api/auth/token").then().statusCode(401).contentType(containsString("application/json"))
                .body("error", containsString("not right")).body("details.size()", equalTo(0));
    }

    @Test
    void anOverlongFormFieldReShowsTheFormFilledInWithTheMessage() {
        var doc = TestApi.importText("Validation form " + System.nanoTime(),
                TestApi.unique("Notes\n\nA brisk walk after meals lowers the glucose peak."));
        String cookie = TestAccounts.login(TestAccounts.create("valid-form", Role.EDITOR));
        String csrf = given().cookie(SESSION_COOKIE, cookie).get("/documents/" + doc.get("slug")).then().extract().cookie("crux-csrf");
        given().cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf).formParam("csrf-token", csrf)
                .formParam("exact", "A brisk walk after meals").formParam("statement", "Walking after meals helps " + System.nanoTime())
                .formParam("population", "p".repeat(201))
                .post("/documents/" + doc.get("slug") + "/claims").then().statusCode(400)
                .body(containsString("Population: at most 200 characters."))
                .body(containsString(">A brisk walk after meals</textarea>"))
                .body(containsString("<details class=\"context\" open>"))
                .body(not(containsString("Claim created")));
    }
}
