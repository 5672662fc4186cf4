package app.crux.disagreement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What readers come for, checked on the rendered pages and the JSON API. */
@QuarkusTest
class ReaderPagesTest {

    @Test
    void theClaimPageShowsBothSidesStrongestFirstWithItsVerdictInJsonLd() throws Exception {
        ReaderFixture f = new ReaderFixture();
        Document page = Jsoup.parse(given().get("/claims/" + f.claimSlug()).then().statusCode(200).extract().asString());
        assertEquals(List.of(ReaderFixture.SUPPORT_STRONG, ReaderFixture.SUPPORT_WEAK),
                page.select(".side.supports .evidence-card mark").eachText());
        assertEquals(List.of(ReaderFixture.CONFLICT_MEDIUM, ReaderFixture.CONFLICT_WEAK),
                page.select(".side.conflicts .evidence-card mark").eachText());
        assertEquals("Contested", page.selectFirst(".claim-head .verdict").text());
        assertTrue(page.selectFirst("#why-heading") != null, "the sides measured different outcomes");

        JsonNode review = new ObjectMapper().readTree(page.selectFirst("script[type=application/ld+json]").data());
        assertEquals("ClaimReview", review.get("@type").asText());
        assertEquals("Contested", review.at("/reviewRating/alternateName").asText());
        assertTrue(review.get("claimReviewed").asText().length() < 75);
        assertEquals("Claim", review.at("/itemReviewed/@type").asText());
        assertEquals(2, review.at("/itemReviewed/appearance").size());
        assertTrue(review.get("url").asText().endsWith("/claims/" + f.claimSlug()));
        assertEquals(f.claimSlug().isEmpty(), false);
        assertTrue(page.selectFirst("meta[property=og:title]").attr("content").startsWith("Regular hamstring stretching"));
    }

    @Test
    void aMinimumStrengthDropsWeakEvidenceAndRecomputesTheVerdict() {
        ReaderFixture f = new ReaderFixture();
        Document page = Jsoup.parse(given().get("/claims/" + f.claimSlug() + "?min=MODERATE").then().statusCode(200).extract().asString());
        assertEquals(List.of(ReaderFixture.SUPPORT_STRONG), page.select(".side.supports .evidence-card mark").eachText());
        assertEquals(0, page.select(".side.conflicts .evidence-card").size());
        assertEquals("Supported", page.selectFirst(".claim-head .verdict").text());
        assertTrue(page.selectFirst(".notice-inline").text().contains("all evidence: Contested"));
        // the menu offers every strength above the weakest, with the reader's choice kept
        assertEquals(List.of("", "HIGH", "MODERATE", "LOW"), page.select("select#min option").eachAttr("value"));
        assertEquals(List.of("Moderate"), page.select("select#min option[selected]").eachText());
        Document unfiltered = Jsoup.parse(given().get("/claims/" + f.claimSlug()).then().statusCode(200).extract().asString());
        assertEquals(0, unfiltered.select("select#min option[selected]").size());
        assertEquals(4, unfiltered.select("select#min option").size());
    }

    @Test
    void theContestedListRanksAndFiltersByTopic() {
        ReaderFixture f = new ReaderFixture();
        given().get("/contested?tag=" + f.tag).then().statusCode(200)
                .body(containsString("Regular hamstring stretching benefits runners " + f.unique))
                .body(containsString("Stretching works " + f.unique)).body(containsString("Stretching is overrated " + f.unique));
        given().get("/api/contested?tag=" + f.tag + "&limit=5").then().statusCode(200)
                .body("", hasSize(1)).body("[0].claim.slug", equalTo(f.claimSlug()))
                .body("[0].supportWeight", equalTo(6.0f)).body("[0].conflictWeight", equalTo(3.0f));
        given().get("/tags/" + f.tag).then().statusCode(200).body(containsString(f.claimSlug()));
    }

    @Test
    void compareListsTheClaimsTwoDocumentsDisagreeOn() {
        ReaderFixture f = new ReaderFixture();
        given().get("/api/compare?a=" + f.first.get("slug") + "&b=" + f.second.get("slug")).then().statusCode(200)
                .body("disagree", hasSize(1)).body("disagree[0].claim.slug", equalTo(f.claimSlug()))
                .body("disagree[0].stanceA", equalTo("SUPPORTS")).body("disagree[0].stanceB", equalTo("CONFLICTS"))
                .body("agree", hasSize(0)).body("onlyA", hasSize(0)).body("onlyB", hasSize(0));
        Document page = Jsoup.parse(given().get("/compare?a=" + f.first.get("slug") + "&b=" + f.second.get("slug"))
                .then().statusCode(200).extract().asString());
        assertEquals(1, page.select(".compare-row").size());
        assertTrue(page.selectFirst(".compare-row .supports").text().contains(ReaderFixture.SUPPORT_STRONG));
        assertTrue(page.selectFirst(".compare-row .conflicts").text().contains(ReaderFixture.CONFLICT_MEDIUM));
        given().get("/documents/" + f.first.get("slug")).then()
                .body(containsString("/compare?a=" + f.first.get("slug") + "&amp;b=" + f.second.get("slug")));
    }

    @Test
    void theDisagreementMapLinksPairsToTheirComparison() {
        ReaderFixture f = new ReaderFixture();
        Document page = Jsoup.parse(given().get("/disagreements?tag=" + f.tag).then().statusCode(200).extract().asString());
        assertEquals(2, page.select("svg.matrix rect.cell").size());
        assertEquals(List.of("/compare?a=" + f.first.get("slug") + "&b=" + f.second.get("slug"),
                "/compare?a=" + f.second.get("slug") + "&b=" + f.first.get("slug")), page.select("svg.matrix a").eachAttr("href"));
        assertEquals("1", page.selectFirst("table.matrix-table td a").text());
    }

    @Test
    void searchFindsClaimsByStemAndByMisspelling() {
        ReaderFixture f = new ReaderFixture();
        given().get("/api/search?q=stretches benefit " + f.unique).then().statusCode(200)
                .body("claims.slug", hasItem(f.claimSlug())).body("approximate", equalTo(false))
                .body("claims[0].snippet", containsString("<mark>"));
        given().get("/api/search?q=hamstrng stretchin").then().statusCode(200)
                .body("approximate", equalTo(true)).body("claims.slug", hasItem(f.claimSlug()));
        Document page = Jsoup.parse(given().get("/search?q=benefits " + f.unique).then().statusCode(200).extract().asString());
        assertTrue(page.select("article.hit a.title").eachText().contains("Regular hamstring stretching benefits runners " + f.unique));
        assertTrue(page.select("article.hit .snippet mark").size() > 0);
    }

    @Test
    void searchSnippetsNeverRenderStoredMarkup() {
        String unique = String.valueOf(System.nanoTime());
        app.crux.TestApi.importText("Markup " + unique, "Plain words " + unique + "\n\nA line with <script>alert(1)</script> tendon words.");
        String html = given().get("/search?q=tendon " + unique).then().statusCode(200).extract().asString();
        assertTrue(html.contains("<mark>tendon</mark>"), html);
        assertTrue(!html.contains("<script>alert(1)"));
        given().get("/api/search?q=tendon " + unique).then().body("documents[0].snippet", org.hamcrest.Matchers.not(containsString("<script")));
        given().get("/api/search?q=tendon " + unique).then().body("documents", hasSize(1)).body("documents.title", contains("Markup " + unique));
    }
}
