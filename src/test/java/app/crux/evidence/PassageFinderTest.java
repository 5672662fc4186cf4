package app.crux.evidence;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The claim page's passage finder: an editor attaches a paragraph of another document without opening it, no JavaScript. */
@QuarkusTest
class PassageFinderTest {

    private static final String PASSAGE = "Cold-water immersion after hard sessions blunted strength gains over twelve weeks.";

    @Test
    void anEditorFindsAParagraphOfAnotherDocumentAndAttachesItFromTheClaimPage() {
        String unique = String.valueOf(System.nanoTime());
        var source = TestApi.importText("Ice baths " + unique, TestApi.unique("Ice baths " + unique + "\n\nThey feel good."));
        var other = TestApi.importText("Recovery trial " + unique, TestApi.unique("Recovery trial " + unique + "\n\n" + PASSAGE));
        Map<String, Object> claim = TestApi.createClaim("Ice baths help recovery " + unique, source.get("id"), "They feel good.")
                .then().statusCode(201).extract().as(Map.class);
        String page = "/claims/" + claim.get("slug");
        String cookie = TestAccounts.login(TestAccounts.create("finder-editor", Role.EDITOR));

        var found = given().cookie(SESSION_COOKIE, cookie).queryParam("find", "blunted strength").get(page)
                .then().statusCode(200).extract();
        Element result = Jsoup.parse(found.asString()).selectFirst("ol.found-passages li:has(a[href=/documents/" + other.get("slug") + "])");
        assertTrue(result != null, "the other document's paragraph is offered");
        assertEquals(PASSAGE, result.selectFirst("blockquote").text());
        Element form = result.selectFirst("form");
        assertEquals("/documents/" + other.get("slug") + "/evidence", form.attr("action"));

        String csrf = found.cookie("crux-csrf");
        var attached = given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf)
                .formParam("csrf-token", form.selectFirst("input[name=csrf-token]").attr("value"))
                .formParam("claim", form.selectFirst("input[name=claim]").attr("value"))
                .formParam("exact", form.selectFirst("input[name=exact]").attr("value"))
                .formParam("back", form.selectFirst("input[name=back]").attr("value"))
                .formParam("stance", "CONFLICTS")
                .post(form.attr("action")).then().statusCode(303).extract();
        assertTrue(attached.header("Location").matches(".*" + page + "#evidence-\\d+"), attached.header("Location"));

        var after = Jsoup.parse(given().cookie(SESSION_COOKIE, cookie).get(page).then().statusCode(200).extract().asString());
        assertTrue(after.select("article.evidence-card.conflicts").text().contains(PASSAGE), "attached as conflicting evidence");
    }

    @Test
    void readersAndReviewersGetNoFinderAndShortQueriesSearchNothing() {
        var doc = TestApi.importText("Finder " + System.nanoTime(), TestApi.unique("Finder text\n\nA quiet paragraph."));
        Map<String, Object> claim = TestApi.createClaim("Quiet paragraphs matter " + System.nanoTime(), doc.get("id"), "A quiet paragraph.")
                .then().statusCode(201).extract().as(Map.class);
        String page = "/claims/" + claim.get("slug");
        assertNull(Jsoup.parse(given().queryParam("find", "quiet").get(page).then().statusCode(200).extract().asString())
                .selectFirst("#find"));
        String reviewer = TestAccounts.login(TestAccounts.create("finder-reviewer", Role.REVIEWER));
        assertNull(Jsoup.parse(given().cookie(SESSION_COOKIE, reviewer).queryParam("find", "quiet").get(page).then().statusCode(200)
                .extract().asString()).selectFirst("#find"));

        String editor = TestAccounts.login(TestAccounts.create("finder-short", Role.EDITOR));
        var shortQuery = Jsoup.parse(given().cookie(SESSION_COOKIE, editor).queryParam("find", "qu").get(page).then().statusCode(200)
                .extract().asString());
        assertTrue(shortQuery.selectFirst("#find") != null);
        assertNull(shortQuery.selectFirst("ol.found-passages"));
        assertTrue(shortQuery.text().contains("at least three characters"));
        // a NUL (which PostgreSQL refuses) is dropped, not passed on as a 400 about storing input
        var withNul = Jsoup.parse(given().cookie(SESSION_COOKIE, editor).queryParam("find", "quiet\u0000 paragraph").get(page)
                .then().statusCode(200).extract().asString());
        assertTrue(withNul.select("ol.found-passages blockquote").eachText().contains("A quiet paragraph."));
    }
}
