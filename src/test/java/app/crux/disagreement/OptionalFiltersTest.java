package app.crux.disagreement;

import app.crux.TestAccounts;
import app.crux.account.Role;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every query that binds an optional filter (a tag, a claim, a "before" cursor) runs both with
 * and without it: an untyped null parameter is what made PostgreSQL answer "could not determine
 * data type of parameter" (a 500) on the reviewer page.
 */
@QuarkusTest
class OptionalFiltersTest {

    @Test
    void contestedListAndMapWorkWithAndWithoutATag() {
        ReaderFixture f = new ReaderFixture();
        ReaderFixture other = new ReaderFixture();
        String statement = (String) f.claim.get("statement");
        // without a tag: every topic (a shared test database may hold many claims, so count, don't look for ours)
        Document contested = Jsoup.parse(given().get("/contested").then().statusCode(200).extract().asString());
        assertTrue(contested.select("main a[href^='/claims/']").size() >= 2, contested.text());
        Document map = Jsoup.parse(given().get("/disagreements").then().statusCode(200).extract().asString());
        assertTrue(map.select("main a[href^='/compare']").size() >= 2, map.text());
        // with a tag: exactly that topic
        String tagged = given().get("/contested?tag=" + f.tag).then().statusCode(200).extract().asString();
        assertTrue(tagged.contains(statement), "the tagged list shows its claim");
        assertFalse(tagged.contains((String) other.claim.get("statement")), "the tagged list leaves out another topic");
        String taggedMap = given().get("/disagreements?tag=" + f.tag).then().statusCode(200).extract().asString();
        assertTrue(taggedMap.contains((String) f.first.get("title")) && taggedMap.contains((String) f.second.get("title")));
        assertFalse(taggedMap.contains((String) other.first.get("title")), "the tagged map leaves out another topic's documents");
        // the chosen topic is the selected option of both filters, and only it
        for (String page : new String[] {tagged, taggedMap}) {
            var chosen = Jsoup.parse(page).select("select#tag option[selected]");
            assertEquals(1, chosen.size(), page);
            assertEquals(f.tag, chosen.first().attr("value"));
        }
        assertTrue(contested.select("select#tag option[selected]").isEmpty(), "no topic chosen: 'All topics' shows");
        String api = given().get("/api/contested?tag=" + f.tag).then().statusCode(200).extract().asString();
        assertTrue(api.contains(f.claimSlug()), api);
    }

    @Test
    void theReviewQueueWorksForOneClaimAndForAll() {
        ReaderFixture f = new ReaderFixture();
        String cookie = TestAccounts.login(TestAccounts.create("filter-reviewer", Role.REVIEWER));
        Document one = Jsoup.parse(given().cookie(SESSION_COOKIE, cookie).get("/review?claim=" + f.claimSlug())
                .then().statusCode(200).extract().asString());
        assertTrue(one.text().contains((String) f.claim.get("statement")), "the queue for one claim shows that claim");
        assertTrue(one.text().contains("0 of 4 rated"), one.text());
        Document all = Jsoup.parse(given().cookie(SESSION_COOKIE, cookie).get("/review").then().statusCode(200).extract().asString());
        assertNotNull(all.selectFirst("form"), "the whole queue offers an item to rate");
    }

    @Test
    void historyPagesWithAndWithoutAPageNumber() {
        ReaderFixture f = new ReaderFixture();
        String cookie = TestAccounts.login(TestAccounts.create("filter-editor", Role.EDITOR));
        String title = (String) f.second.get("title");
        String latest = given().cookie(SESSION_COOKIE, cookie).get("/history").then().statusCode(200).extract().asString();
        assertTrue(latest.contains(title), "the latest events include the fixture's import");
        String first = given().cookie(SESSION_COOKIE, cookie).get("/history?page=1").then().statusCode(200).extract().asString();
        assertTrue(first.contains(title), "page 1 is the latest events");
        // a page before the first, or past the last, shows the nearest page instead of failing
        String before = given().cookie(SESSION_COOKIE, cookie).get("/history?page=0").then().statusCode(200).extract().asString();
        assertTrue(before.contains(title));
        String past = given().cookie(SESSION_COOKIE, cookie).get("/history?page=" + Integer.MAX_VALUE).then().statusCode(200)
                .extract().asString();
        assertEquals(Jsoup.parse(latest).selectFirst("h1").text(), Jsoup.parse(past).selectFirst("h1").text());
    }
}
