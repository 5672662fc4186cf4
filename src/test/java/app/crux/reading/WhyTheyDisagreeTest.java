package app.crux.reading;

import app.crux.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Why they may disagree" names every context field the sides differ on, groups both sides by them, and lists bare evidence. */
@QuarkusTest
class WhyTheyDisagreeTest {

    private static final String ADULTS = "Desk workers who walked at lunch slept longer within a month.";
    private static final String TRIAL = "A walking programme lengthened sleep in a controlled comparison.";
    private static final String OLDER = "Among retirees, lunchtime walks left sleep duration unchanged.";
    private static final String BARE = "One columnist doubts that walking changes how people sleep.";

    @Test
    void everyDifferingFieldIsShownOnBothSidesAndEvidenceWithoutContextIsNamed() {
        String unique = String.valueOf(System.nanoTime());
        var doc = TestApi.importText("Walking and sleep " + unique, "Notes " + unique + "\n\n" + ADULTS + "\n\n" + TRIAL
                + "\n\n" + OLDER + "\n\n" + BARE);
        long claim = TestApi.createClaim("Lunchtime walks lengthen sleep " + unique, doc.get("id"), ADULTS)
                .then().statusCode(201).extract().<Number>path("id").longValue();
        // the claim's first item records no context
        long first = TestApi.asEditor().get("/api/claims/" + claim).then().extract().<Number>path("supports[0].id").longValue();
        attach(claim, doc, "SUPPORTS", TRIAL, Map.of("population", "office workers", "outcome", "sleep duration", "studyType", "RCT"));
        attach(claim, doc, "CONFLICTS", OLDER, Map.of("population", "retirees", "outcome", "Sleep duration ", "studyType", "cohort"));
        attach(claim, doc, "CONFLICTS", BARE, Map.of());
        String slug = given().get("/api/claims/" + claim).then().statusCode(200).extract().path("slug");

        Document page = Jsoup.parse(given().get("/claims/" + slug).then().statusCode(200).extract().asString());
        Element why = page.selectFirst("section.why");
        assertNotNull(why, "the sides differ on population and study type");
        // one table per differing field; the outcome is the same on both sides (case and spaces aside), so it has none
        assertEquals(List.of("Population", "Study type"), why.select("table.why-field thead th:first-child").eachText());
        assertEquals(List.of("office workers 1 0", "retirees 0 1"), why.select("table.why-field").get(0).select("tbody tr").eachText());
        assertEquals(List.of("RCT 1 0", "cohort 0 1"), why.select("table.why-field").get(1).select("tbody tr").eachText());
        // evidence that records no context is listed as such: the claim's first item and the columnist
        Element bare = why.selectFirst(".without-context");
        assertNotNull(bare);
        assertTrue(bare.text().startsWith("No context recorded for 2 passages"), bare.text());
        assertEquals(2, bare.select("a[href^=#evidence-]").size());
        assertTrue(bare.select("a").eachAttr("href").contains("#evidence-" + first));

        // both sides are grouped by the differing fields; items without them come under their own heading
        assertEquals(List.of("Population: office workers · Study type: RCT", "Context not recorded"),
                page.select(".side.supports h3.context-group").eachText());
        assertEquals(List.of("Population: retirees · Study type: cohort", "Context not recorded"),
                page.select(".side.conflicts h3.context-group").eachText());
        assertEquals(List.of(TRIAL, ADULTS), page.select(".side.supports .evidence-card mark").eachText());
        assertEquals(List.of(OLDER, BARE), page.select(".side.conflicts .evidence-card mark").eachText());
    }

    @Test
    void sidesThatRecordTheSameContextGetNoExplanation() {
        String unique = String.valueOf(System.nanoTime());
        var doc = TestApi.importText("Walking notes " + unique, "Notes " + unique + "\n\n" + ADULTS + "\n\n" + OLDER);
        long claim = TestApi.createClaim("Walks change sleep " + unique, doc.get("id"), ADULTS)
                .then().statusCode(201).extract().<Number>path("id").longValue();
        attach(claim, doc, "CONFLICTS", OLDER, Map.of());
        String slug = given().get("/api/claims/" + claim).then().statusCode(200).extract().path("slug");
        Document page = Jsoup.parse(given().get("/claims/" + slug).then().statusCode(200).extract().asString());
        assertEquals(2, page.select(".evidence-card").size(), "set-up: one item per side");
        assertNull(page.selectFirst("section.why"));
        assertEquals(0, page.select("h3.context-group").size());
    }

    private static void attach(long claim, Map<String, Object> doc, String stance, String exact, Map<String, String> context) {
        Map<String, Object> body = new HashMap<>(context);
        body.put("documentId", doc.get("id"));
        body.put("stance", stance);
        body.put("exact", exact);
        TestApi.asEditor().body(body).post("/api/claims/" + claim + "/evidence").then().statusCode(201);
    }
}
