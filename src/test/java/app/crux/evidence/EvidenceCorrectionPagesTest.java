package app.crux.evidence;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The no-JavaScript forms on evidence cards: correct, detach and restore, each with the CSRF token. */
@QuarkusTest
class EvidenceCorrectionPagesTest {

    @Test
    void anEditorCorrectsACardFromTheClaimPage() {
        var c = EvidenceCorrectionApiTest.claimWithTwoSides("page-edit");
        long id = (long) c.get("conflictId");
        String slug = (String) c.get("slug");
        String cookie = TestAccounts.login(TestAccounts.create("card-editor", Role.EDITOR));
        var page = given().cookie(SESSION_COOKIE, cookie).get("/claims/" + slug).then().statusCode(200).extract();
        var card = Jsoup.parse(page.asString()).getElementById("evidence-" + id);
        assertNotNull(card.selectFirst("details.evidence-edit form[action=/evidence/" + id + "/edit] input[name=csrf-token]"));
        assertEquals("1", card.selectFirst("form[action=/evidence/" + id + "/edit] input[name=version]").val());
        assertTrue(card.selectFirst("input[name=stance][value=CONFLICTS]").hasAttr("checked"));
        String csrf = page.cookie("crux-csrf");

        form(cookie, csrf).formParam("version", 1).formParam("stance", "SUPPORTS").formParam("note", "Knees, on a second reading.")
                .formParam("population", "Club runners").formParam("intervention", "").formParam("comparison", "")
                .formParam("outcome", "Knee load").formParam("studyType", "")
                .post("/evidence/" + id + "/edit").then().statusCode(303).header("Location", endsWith("/claims/" + slug + "#evidence-" + id));
        given().get("/api/evidence/" + id).then().body("stance", equalTo("SUPPORTS")).body("note", equalTo("Knees, on a second reading."))
                .body("population", equalTo("Club runners")).body("outcome", equalTo("Knee load")).body("version", equalTo(2));
        var after = Jsoup.parse(given().get("/claims/" + slug).then().statusCode(200).extract().asString());
        assertNotNull(after.selectFirst(".side.supports #evidence-" + id));
        assertTrue(after.getElementById("evidence-" + id).text().contains("Knees, on a second reading."));
        assertTrue(after.getElementById("evidence-" + id).select("details.evidence-edit").isEmpty(), "readers get no edit form");

        // the same form sent again from version 1: told, nothing overwritten
        String told = flashAfter(form(cookie, csrf).formParam("version", 1).formParam("stance", "CONFLICTS")
                .formParam("note", "Stale").post("/evidence/" + id + "/edit"), cookie);
        assertTrue(told.contains("Someone changed this evidence"), told);
        // a note past the limit is refused with a message and stores nothing
        String tooLong = flashAfter(form(cookie, csrf).formParam("version", 2).formParam("note", "n".repeat(2001))
                .post("/evidence/" + id + "/edit"), cookie);
        assertTrue(tooLong.contains("longer than 2000"), tooLong);
        given().get("/api/evidence/" + id).then().body("note", equalTo("Knees, on a second reading.")).body("version", equalTo(2));
    }

    @Test
    void detachingAndRestoringFromTheClaimPage() {
        var c = EvidenceCorrectionApiTest.claimWithTwoSides("page-detach");
        long id = (long) c.get("conflictId");
        String slug = (String) c.get("slug");
        String cookie = TestAccounts.login(TestAccounts.create("card-detacher", Role.EDITOR));
        String csrf = given().cookie(SESSION_COOKIE, cookie).get("/claims/" + slug).then().statusCode(200)
                .body(not(containsString("Detached evidence"))).extract().cookie("crux-csrf");

        form(cookie, csrf).formParam("version", 1).post("/evidence/" + id + "/detach").then().statusCode(303)
                .header("Location", endsWith("/claims/" + slug));
        given().get("/claims/" + slug).then().statusCode(200).body(not(containsString("A faster cadence made no difference")))
                .body(not(containsString("Detached evidence")));
        var editorPage = Jsoup.parse(given().cookie(SESSION_COOKIE, cookie).get("/claims/" + slug).then().statusCode(200).extract().asString());
        var detached = editorPage.getElementById("detached-" + id);
        assertNotNull(detached, "editors see the detached item");
        assertTrue(detached.text().contains("A faster cadence made no difference"));
        assertEquals("2", detached.selectFirst("form[action=/evidence/" + id + "/restore] input[name=version]").val());
        assertTrue(editorPage.select("#evidence-" + id).isEmpty(), "no card for a detached item");

        form(cookie, csrf).formParam("version", 2).post("/evidence/" + id + "/restore").then().statusCode(303)
                .header("Location", endsWith("/claims/" + slug + "#evidence-" + id));
        given().get("/claims/" + slug).then().body(containsString("A faster cadence made no difference"));
        given().get("/api/evidence/" + id).then().body("detached", equalTo(false)).body("version", equalTo(3));
    }

    @Test
    void onlyEditorsWithTheTokenMayCorrect() {
        var c = EvidenceCorrectionApiTest.claimWithTwoSides("page-guard");
        long id = (long) c.get("conflictId");
        String slug = (String) c.get("slug");
        String reviewer = TestAccounts.login(TestAccounts.create("card-reviewer", Role.REVIEWER));
        String reviewerCsrf = given().cookie(SESSION_COOKIE, reviewer).get("/claims/" + slug).then().statusCode(200)
                .body(not(containsString("evidence-edit"))).extract().cookie("crux-csrf");
        form(reviewer, reviewerCsrf).formParam("version", 1).post("/evidence/" + id + "/detach").then().statusCode(403);
        String editor = TestAccounts.login(TestAccounts.create("card-forger", Role.EDITOR));
        given().redirects().follow(false).cookie(SESSION_COOKIE, editor).formParam("version", 1).formParam("stance", "SUPPORTS")
                .post("/evidence/" + id + "/edit").then().statusCode(anyOf(equalTo(400), equalTo(403)));
        given().redirects().follow(false).formParam("version", 1).post("/evidence/" + id + "/detach").then()
                .statusCode(anyOf(equalTo(302), equalTo(303), equalTo(401), equalTo(403)));
        given().get("/api/evidence/" + id).then().statusCode(200).body("stance", equalTo("CONFLICTS")).body("version", equalTo(1));
    }

    /** The page a form's redirect leads to, with the flash cookie the redirect set: what the editor reads next. */
    private static String flashAfter(io.restassured.response.Response redirect, String cookie) {
        assertEquals(303, redirect.statusCode());
        return given().cookie(SESSION_COOKIE, cookie).cookie("crux-flash", redirect.cookie("crux-flash"))
                .get(redirect.header("Location").replaceFirst("#.*", "")).then().statusCode(200).extract().asString();
    }

    private static RequestSpecification form(String cookie, String csrf) {
        return given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf).formParam("csrf-token", csrf);
    }
}
