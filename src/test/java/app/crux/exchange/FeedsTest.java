package app.crux.exchange;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Web Annotation, ClaimReview feed, Atom feeds and CSV downloads over one contested claim
 * (two passages, rated), beside a draft claim on the same document that readers never get.
 */
@QuarkusTest
class FeedsTest {

    static String stamp;
    static String tag;
    static long documentId;
    static long claimId;
    static String claimSlug;
    static long draftId;
    static String draftStatement;
    static long supporting;
    static long conflicting;

    /** Once per class, in the first test (RestAssured knows the port only then). */
    @BeforeEach
    void contestedClaim() {
        if (stamp != null) {
            return;
        }
        stamp = String.valueOf(System.nanoTime());
        tag = "feeds-" + stamp;
        var doc = TestApi.importText("Sauna and blood pressure " + stamp, "Regular sauna use lowered blood pressure in older men. "
                + "A later trial found no change in blood pressure after eight weeks. Notes " + stamp + ".");
        documentId = TestApi.id(doc);
        var claim = TestApi.asEditor().body(Map.of("statement", "Sauna lowers blood pressure " + stamp, "tags", List.of(tag),
                "source", Map.of("documentId", documentId, "exact", "Regular sauna use lowered blood pressure")))
                .post("/api/claims").then().statusCode(201).extract().jsonPath();
        claimId = claim.getLong("id");
        claimSlug = claim.getString("slug");
        supporting = claim.getLong("evidence.id");
        conflicting = TestApi.asEditor().body(Map.of("documentId", documentId, "stance", "CONFLICTS",
                "exact", "found no change in blood pressure")).post("/api/claims/" + claimId + "/evidence")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String reviewer = TestAccounts.token(TestAccounts.create("feeds-rater", Role.REVIEWER));
        ExchangeCorpus.vote(reviewer, supporting, Map.of("strength", "HIGH", "rationale", "=SUM(A1) looks like a formula"));
        ExchangeCorpus.vote(reviewer, conflicting, Map.of("strength", "MODERATE"));
        draftStatement = "Draft: sauna after meals " + stamp;
        draftId = TestApi.asEditor().body(Map.of("statement", draftStatement, "tags", List.of(tag), "status", "DRAFT",
                "source", Map.of("documentId", documentId, "exact", "after eight weeks"))).post("/api/claims")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void annotationsCarryTheRequiredFieldsAndEachQuoteIsAtItsOffsets() {
        JsonPath c = given().get("/api/annotations?document=" + documentId).then().statusCode(200)
                .contentType(containsString("application/ld+json")).extract().jsonPath();
        assertEquals("http://www.w3.org/ns/anno.jsonld", c.getString("'@context'"));
        assertEquals("AnnotationCollection", c.getString("type"));
        assertEquals(2, c.getInt("total"), "the draft's passage is not shown to readers");
        String text = given().get("/api/documents/" + documentId).then().statusCode(200).extract().jsonPath().getString("text");
        List<Map<String, Object>> items = c.getList("first.items");
        assertEquals(2, items.size());
        for (int i = 0; i < items.size(); i++) {
            String at = "first.items[" + i + "].";
            assertEquals("Annotation", c.getString(at + "type"));
            assertEquals("assessing", c.getString(at + "motivation"));
            assertTrue(c.getString(at + "target.source").endsWith("/documents/" + c.getString(at + "target.source")
                    .replaceAll(".*/documents/", "")));
            String exact = c.getString(at + "target.selector.find { it.type == 'TextQuoteSelector' }.exact");
            int start = c.getInt(at + "target.selector.find { it.type == 'TextPositionSelector' }.start");
            int end = c.getInt(at + "target.selector.find { it.type == 'TextPositionSelector' }.end");
            assertEquals(exact, text.substring(start, end));
            assertEquals("Sauna lowers blood pressure " + stamp, c.getString(at + "body.find { it.purpose == 'describing' }.value"));
            assertTrue(c.getString(at + "body.find { it.purpose == 'linking' }.source").endsWith("/claims/" + claimSlug));
            assertTrue(List.of("supports", "conflicts").contains(c.getString(at + "body.find { it.purpose == 'tagging' }.value")));
        }
        // per claim; the draft is there for editors only
        given().get("/api/annotations?claim=" + claimId).then().statusCode(200).body("total", org.hamcrest.Matchers.is(2));
        given().get("/api/annotations?claim=" + draftId).then().statusCode(404);
        TestApi.asEditor().get("/api/annotations?document=" + documentId).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.is(3));
        given().get("/api/annotations").then().statusCode(400);
        given().get("/api/annotations?document=" + documentId + "&size=0").then().statusCode(400);
        given().get("/api/annotations?document=99999999").then().statusCode(404);
    }

    @Test
    void claimReviewsListThePublishedReviewedClaimsAsOnTheClaimPage() {
        List<Map<String, Object>> all = new ArrayList<>();
        JsonPath first = given().get("/api/claimreviews?size=100").then().statusCode(200).extract().jsonPath();
        long total = first.getLong("total");
        for (int page = 1; (page - 1) * 100L < total; page++) {
            all.addAll(given().get("/api/claimreviews?size=100&page=" + page).then().statusCode(200).extract().jsonPath()
                    .getList("items"));
        }
        Map<String, Object> ours = all.stream().filter(r -> String.valueOf(r.get("url")).endsWith("/claims/" + claimSlug))
                .findFirst().orElseThrow(() -> new AssertionError("our claim is not in the feed"));
        assertEquals("ClaimReview", ours.get("@type"));
        assertEquals("https://schema.org", ours.get("@context"));
        assertTrue(all.stream().noneMatch(r -> String.valueOf(r.get("claimReviewed")).startsWith("Draft: sauna")));
        given().get("/api/claimreviews?size=1").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(1));
        given().get("/api/claimreviews?size=1000").then().statusCode(400);
        // a reviewer who has rated nothing does not get the verdict through the feed
        String blind = TestAccounts.token(TestAccounts.create("feeds-blind", Role.REVIEWER));
        List<String> seen = given().header("Authorization", "Bearer " + blind).get("/api/claimreviews?size=100")
                .then().statusCode(200).extract().jsonPath().getList("items.url");
        assertTrue(seen.stream().noneMatch(u -> u.endsWith("/claims/" + claimSlug)));
    }

    @Test
    void eachFeedIsValidAtomAndLinkedFromItsPage() throws Exception {
        Element contested = atom(given().get("/contested.atom").then().statusCode(200)
                .contentType(containsString("application/atom+xml")).extract().asByteArray());
        Element byTag = atom(given().get("/tags/" + tag + ".atom").then().statusCode(200).extract().asByteArray());
        Element search = atom(given().get("/search.atom?q=sauna " + stamp).then().statusCode(200).extract().asByteArray());
        assertTrue(entryTitles(contested).contains("Sauna lowers blood pressure " + stamp), entryTitles(contested).toString());
        assertEquals(List.of("Sauna lowers blood pressure " + stamp), entryTitles(byTag));
        assertTrue(entryTitles(search).contains("Sauna lowers blood pressure " + stamp), entryTitles(search).toString());
        assertFalse(entryTitles(search).contains(draftStatement), "drafts are never in a feed");
        atom(given().get("/search.atom").then().statusCode(200).extract().asByteArray());
        given().get("/tags/no-such-topic-" + stamp + ".atom").then().statusCode(404);

        given().get("/contested").then().statusCode(200)
                .body(containsString("<link rel=\"alternate\" type=\"application/atom+xml\""))
                .body(containsString("href=\"/contested.atom\""));
        given().get("/tags/" + tag).then().statusCode(200).body(containsString("href=\"/tags/" + tag + ".atom\""));
        given().get("/search?q=sauna").then().statusCode(200).body(containsString("href=\"/search.atom?q=sauna\""));
    }

    @Test
    void csvDownloadsParseBackAndKeepTheBlindRatingRule() throws Exception {
        byte[] claims = given().get("/downloads/claims.csv").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(claims[0], claims[1], claims[2]), "UTF-8 BOM");
        CSVRecord row = parse(claims).stream().filter(r -> r.get("slug").equals(claimSlug)).findFirst().orElseThrow();
        assertEquals("Sauna lowers blood pressure " + stamp, row.get("statement"));
        assertEquals(tag, row.get("tags"));
        assertEquals("CONTESTED", row.get("verdict"));
        assertEquals("4.00", row.get("support_weight"));
        assertEquals("3.00", row.get("conflict_weight"));
        assertTrue(parse(claims).stream().noneMatch(r -> r.get("statement").equals(draftStatement)));

        List<CSVRecord> evidence = parse(given().get("/downloads/evidence.csv").then().statusCode(200).extract().asByteArray());
        CSVRecord item = evidence.stream().filter(r -> r.get("row").equals("evidence") && r.get("evidence_id")
                .equals(String.valueOf(supporting))).findFirst().orElseThrow();
        assertEquals("1", item.get("high"));
        assertEquals("4.00", item.get("weight"));
        CSVRecord rating = evidence.stream().filter(r -> r.get("row").equals("rating") && r.get("evidence_id")
                .equals(String.valueOf(supporting))).findFirst().orElseThrow();
        assertEquals("HIGH", rating.get("strength"));
        assertEquals("'=SUM(A1) looks like a formula", rating.get("rationale"), "no formula reaches the spreadsheet");

        String blind = TestAccounts.token(TestAccounts.create("csv-blind", Role.REVIEWER));
        List<CSVRecord> hidden = parse(given().header("Authorization", "Bearer " + blind).get("/downloads/evidence.csv")
                .then().statusCode(200).extract().asByteArray());
        assertTrue(hidden.stream().noneMatch(r -> r.get("row").equals("rating") && r.get("evidence_id").equals(String.valueOf(supporting))));
        assertEquals("", hidden.stream().filter(r -> r.get("evidence_id").equals(String.valueOf(supporting))).findFirst()
                .orElseThrow().get("weight"));
        CSVRecord blindClaim = parse(given().header("Authorization", "Bearer " + blind).get("/downloads/claims.csv").then()
                .statusCode(200).extract().asByteArray()).stream().filter(r -> r.get("slug").equals(claimSlug)).findFirst().orElseThrow();
        assertEquals("", blindClaim.get("verdict"));
    }

    private static List<CSVRecord> parse(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1); // the BOM
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
    }

    /** Parses as XML and checks RFC 4287's required elements: feed id, title, updated, author; entry id, title, updated, link. */
    static Element atom(byte[] xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        String ns = "http://www.w3.org/2005/Atom";
        assertEquals("feed", feed.getLocalName());
        assertEquals(ns, feed.getNamespaceURI());
        for (String required : List.of("id", "title", "updated", "author")) {
            assertEquals(1, children(feed, required).size(), "feed/" + required);
        }
        java.time.Instant.parse(children(feed, "updated").get(0).getTextContent());
        for (Element entry : children(feed, "entry")) {
            for (String required : List.of("id", "title", "updated")) {
                assertEquals(1, children(entry, required).size(), "entry/" + required);
            }
            java.time.Instant.parse(children(entry, "updated").get(0).getTextContent());
            assertFalse(children(entry, "link").isEmpty(), "entry/link");
            assertTrue(children(entry, "link").get(0).getAttribute("href").startsWith("http"));
        }
        return feed;
    }

    private static List<String> entryTitles(Element feed) {
        return children(feed, "entry").stream().map(e -> children(e, "title").get(0).getTextContent()).toList();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && "http://www.w3.org/2005/Atom".equals(e.getNamespaceURI())
                    && e.getLocalName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }
}
