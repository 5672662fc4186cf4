package app.crux.web;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inputs that used to end in a 500: each now gets a 4xx with a message, or is ignored. */
@QuarkusTest
class BadInputTest {

    @Test
    void aBadlyEncodedFlashCookieIsIgnored() {
        for (String value : List.of("%", "%zz", "NOTICE:%E0%A4%A", "%%%", "ALERT")) {
            for (String page : List.of("/", "/claims", "/login", "/about/scoring", "/search?q=x")) {
                given().cookie("crux-flash", value).get(page).then().statusCode(200)
                        .body(not(containsString("Something went wrong")));
            }
        }
        // a real message still shows
        given().cookie("crux-flash", "NOTICE%3AAll+good").get("/").then().statusCode(200).body(containsString("All good"));
    }

    @Test
    void aVoteFormSendsPeopleBackOnlyToPathsOfThisSite() {
        var reviewer = TestAccounts.create("back-reviewer", Role.REVIEWER);
        String session = TestAccounts.login(reviewer);
        String csrf = PageWriteCsrfTest.csrfToken(session);
        long evidence = newEvidence();
        for (String back : List.of("/\\evil.example", "//evil.example", "https://evil.example/", "/%5Cevil.example",
                "/%5cevil", "\\\\evil.example", "/ok\r\nSet-Cookie: x=y", "/ok\u0000", "/tab\there", "javascript:alert(1)",
                " /review", "/%2F%2Fevil.example", "/é")) {
            var response = given().redirects().follow(false).cookie(SESSION_COOKIE, session).cookie("crux-csrf", csrf)
                    .formParam("csrf-token", csrf).formParam("strength", "LOW").formParam("back", back)
                    .post("/evidence/" + evidence + "/vote");
            assertEquals(303, response.statusCode(), back + " → " + response.statusCode() + " " + response.body().asString());
            URI location = URI.create(response.header("Location"));
            assertEquals("/review", location.getPath(), back + " → " + location);
            assertTrue(location.getHost() == null || location.getHost().equals("localhost"), back + " → " + location);
        }
        var ok = given().redirects().follow(false).cookie(SESSION_COOKIE, session).cookie("crux-csrf", csrf)
                .formParam("csrf-token", csrf).formParam("strength", "HIGH").formParam("back", "/review?claim=some-claim")
                .post("/evidence/" + evidence + "/vote");
        assertEquals(303, ok.statusCode());
        assertTrue(ok.header("Location").endsWith("/review?claim=some-claim"), ok.header("Location"));
    }

    @Test
    void returnAddressesAreSameSitePathsOnly() {
        for (String bad : new String[] {null, "", "review", "//evil", "/\\evil", "\\/evil", "https://x", "http:/x", "/a\\b",
                "/a\nb", "/a\u007fb", "/%5Cevil", "/%2F/evil", "/%0d%0aSet-Cookie:x", "/ a", "/" + "a".repeat(3000)}) {
            assertEquals("/fallback", ReturnAddress.sameSite(bad, "/fallback"), String.valueOf(bad));
        }
        for (String good : new String[] {"/", "/review", "/claims/a-b?min=MODERATE#evidence-3", "/search?q=a%20b"}) {
            assertEquals(good, ReturnAddress.sameSite(good, "/fallback"));
        }
    }

    @Test
    void overflowingAndNonNumericIdsAreA4xxNotA500() {
        given().get("/api/compare?a=99999999999999999999&b=x").then().statusCode(400)
                .body("error", containsString("number"));
        given().get("/api/compare?a=x&b=-99999999999999999999999").then().statusCode(anyOf(is(400), is(404)));
        // the page looks documents up by slug only: an unknown one leaves the picker empty
        given().accept(ContentType.HTML).get("/compare?a=99999999999999999999&b=x").then().statusCode(200);
        for (String path : List.of("/api/claims/99999999999999999999", "/api/claims/abc", "/api/claims/-1",
                "/api/evidence/99999999999999999999/votes", "/api/documents/1e3", "/admin/users/99999999999999999999/roles")) {
            int status = given().redirects().follow(false).get(path).then().extract().statusCode();
            assertTrue(status >= 400 && status < 500, path + " → " + status);
        }
    }

    @Test
    void malformedOrMistypedJsonIsA400ThatNamesNoClassAndEchoesNoParser() {
        List<String> bodies = List.of("{\"statement\": ", "{\"statement\": \"x\", \"tags\": \"not-a-list\"}", "[1,2]", "\"text\"",
                "{\"statement\": {\"a\": 1}}", "{\"statement\": \"x\", \"source\": {\"documentId\": 99999999999999999999999}}",
                "{\"statement\": \"x\", \"source\": {\"documentId\": \"abc\"}}", "{\"statement\": \"x\"}}}", "\u0000\u0001",
                "{\"statement\": \"x\", \"unknownField\": true}");
        for (String body : bodies) {
            String answer = TestApi.asEditor().body(body).post("/api/claims").then()
                    .statusCode(anyOf(is(400), is(422)))
                    .contentType(containsString("application/json"))
                    .body("error", not(equalTo(null)))
                    .extract().asString();
            for (String leak : List.of("com.fasterxml", "java.", "jakarta.", "app.crux", "Exception", "Unexpected character",
                    "Cannot deserialize", "Cannot construct", "Unexpected", "end-of-input", "Unrecognized field", "line: ", "through reference chain", "Source: ")) {
                assertFalse(answer.contains(leak), body + " → " + answer);
            }
        }
        TestApi.asEditor().body("{\"statement\": ").post("/api/claims").then().statusCode(400)
                .body("error", allOf(containsString("not valid JSON")));
    }

    private static long newEvidence() {
        var doc = TestApi.importText("Naps " + System.nanoTime(), TestApi.unique("Naps\n\nA short nap after lunch restores alertness for hours."));
        return TestApi.createClaim("Naps restore alertness " + System.nanoTime(), doc.get("id"), "A short nap after lunch restores alertness")
                .then().statusCode(201).extract().<Number>path("evidence.id").longValue();
    }
}
