package app.crux.disagreement;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contested list: each side's strongest document on the page, and the ranking's pages in the API. */
@QuarkusTest
class ContestedRowsTest {

    @Test
    void eachSideNamesTheDocumentOfItsHeaviestAttachedItem() {
        ReaderFixture f = new ReaderFixture();
        String statement = (String) f.claim.get("statement");
        String supporting = (String) f.first.get("title");
        String conflicting = (String) f.second.get("title");
        assertEquals(List.of(supporting, conflicting), strongest(f.tag, statement), "as the fixture rated them");

        // a third document's item outweighs the conflicting side's LOW and VERY_LOW
        String sentence = "A controlled trial found stretching before runs made no difference " + f.unique + ".";
        Map<String, Object> third = TestApi.importText("Trial report " + f.unique, "Trial summary " + f.unique + "\n\n" + sentence);
        long heaviest = f.attach(third, "CONFLICTS", sentence, "injury rate");
        ReaderFixture.vote(TestAccounts.token(TestAccounts.create("strongest-reviewer", Role.REVIEWER)), heaviest, "HIGH");
        assertEquals(List.of(supporting, (String) third.get("title")), strongest(f.tag, statement));

        // detached, it no longer counts: the side's strongest is the next one
        TestApi.asEditor().delete("/api/evidence/" + heaviest).then().statusCode(200);
        assertEquals(List.of(supporting, conflicting), strongest(f.tag, statement));
    }

    @Test
    void theApiPagesTheRankingByNextLinksWithoutCountingIt() {
        String tag = "paged-ranking-" + System.nanoTime();
        Set<Long> ours = Set.of(new ReaderFixture(tag).claimId(), new ReaderFixture(tag).claimId());
        assertEquals(2, ours.size());
        var first = given().get("/api/contested?tag=" + tag + "&size=1").then().statusCode(200).extract();
        var second = given().get("/api/contested?tag=" + tag + "&size=1&page=2").then().statusCode(200).extract();
        assertNull(first.header("X-Total-Count"));
        assertTrue(first.header("Link").contains("rel=\"next\"") && first.header("Link").contains("page=2"), first.header("Link"));
        assertFalse(second.header("Link").contains("rel=\"next\""), "two claims: the second page is the last");
        assertTrue(second.header("Link").contains("rel=\"prev\""), second.header("Link"));
        assertFalse(first.header("Link").contains("rel=\"last\""), "an uncounted ranking has no last page");
        List<Long> ids = List.of(first.jsonPath().getLong("[0].claim.id"), second.jsonPath().getLong("[0].claim.id"));
        assertEquals(1, first.jsonPath().getList("$").size());
        assertEquals(ours, Set.copyOf(ids), "each claim on one page, none twice");
    }

    /** The documents the claim's row names as each side's strongest, supporting side first. */
    private static List<String> strongest(String tag, String statement) {
        var page = Jsoup.parse(given().get("/contested?tag=" + tag).then().statusCode(200).extract().asString());
        Element row = page.select("li.contested-row").stream()
                .filter(r -> r.selectFirst("a.statement").text().equals(statement)).findFirst().orElse(null);
        assertNotNull(row, page.text());
        return row.select(".sides-line a").eachText();
    }
}
