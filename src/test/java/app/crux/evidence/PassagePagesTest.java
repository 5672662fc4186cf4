package app.crux.evidence;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** The document page's no-JavaScript passage forms. */
@QuarkusTest
class PassagePagesTest {

    private static final String TEXT = "Hydration notes\n\nDrinking to thirst is enough for most runs under an hour.";

    @Test
    void aSimilarExistingClaimIsOfferedBeforeCreatingADuplicateAndNothingTypedIsLost() {
        String unique = String.valueOf(System.nanoTime());
        var doc = TestApi.importText("Hydration " + unique, TestApi.unique(TEXT));
        TestApi.createClaim("Drinking to thirst is enough on short runs " + unique, null, null).then().statusCode(201);
        String cookie = TestAccounts.login(TestAccounts.create("nojs-editor", Role.EDITOR));
        String csrf = given().cookie(SESSION_COOKIE, cookie).get("/documents/" + doc.get("slug")).then().statusCode(200)
                .extract().cookie("crux-csrf");
        var form = given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf)
                .formParam("csrf-token", csrf).formParam("exact", "Drinking to thirst is enough")
                .formParam("statement", "Drinking to thirst is enough on shorter runs " + unique).formParam("tags", "hydration");
        form.post("/documents/" + doc.get("slug") + "/claims").then().statusCode(409)
                .body(containsString("Existing claims that read alike"))
                .body(containsString("Drinking to thirst is enough on short runs " + unique))
                .body(containsString("value=\"hydration\""));
        form.formParam("confirm", "1").post("/documents/" + doc.get("slug") + "/claims").then().statusCode(303);
    }

    @Test
    void aQuoteThatIsNotInTheDocumentReShowsTheFormFilledIn() {
        var doc = TestApi.importText("Hydration quote " + System.nanoTime(), TestApi.unique(TEXT));
        String cookie = TestAccounts.login(TestAccounts.create("nojs-quote", Role.EDITOR));
        String csrf = given().cookie(SESSION_COOKIE, cookie).get("/documents/" + doc.get("slug")).then().extract().cookie("crux-csrf");
        given().cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf).formParam("csrf-token", csrf)
                .formParam("exact", "words that are not there").formParam("statement", "An unsupported idea " + System.nanoTime())
                .post("/documents/" + doc.get("slug") + "/claims").then().statusCode(422)
                .body(containsString("not in the document")).body(containsString("words that are not there"));
    }
}
