package app.crux.reading;

import app.crux.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Claims from passages, near-duplicates, editing with optimistic locking, merging, retracting. */
@QuarkusTest
class ClaimApiTest {

    private static final String TEXT = "Hamstring length and the pelvis\n\n"
            + "Short hamstrings pull on the sitting bones and can tip the pelvis backwards.\n\n"
            + "Many coaches still blame the hip flexors instead. The hip flexors matter too.";
    private static final String PASSAGE = "Short hamstrings pull on the sitting bones and can tip the pelvis backwards.";

    @Test
    void aClaimFromAQuoteGetsItsPassageAsSupportingEvidence() {
        var doc = TestApi.importText("Pelvis " + System.nanoTime(), TestApi.unique(TEXT));
        int start = TEXT.indexOf(PASSAGE);
        TestApi.createClaim("Short hamstrings tip the pelvis backwards " + System.nanoTime(), doc.get("id"), PASSAGE)
                .then().statusCode(201)
                .body("evidence.stance", equalTo("SUPPORTS"))
                .body("evidence.excerpt.start", equalTo(start))
                .body("evidence.excerpt.end", equalTo(start + PASSAGE.length()))
                .body("evidence.excerpt.exact", equalTo(PASSAGE))
                .body("evidence.excerpt.prefix", equalTo(TEXT.substring(start - 32, start)))
                .body("evidence.excerpt.suffix", equalTo(TEXT.substring(start + PASSAGE.length(), start + PASSAGE.length() + 32)));
        given().get("/api/documents/" + doc.get("id")).then().body("excerpts", hasSize(1));
    }

    @Test
    void aClaimFromOffsetsUsesTheDocumentsOwnWords() {
        var doc = TestApi.importText("Offsets " + System.nanoTime(), TestApi.unique(TEXT));
        int start = TEXT.indexOf("Many coaches");
        TestApi.asEditor().body(Map.of("statement", "Coaches blame the hip flexors " + System.nanoTime(),
                        "source", Map.of("documentId", doc.get("id"), "start", start, "end", start + 12)))
                .post("/api/claims").then().statusCode(201).body("evidence.excerpt.exact", equalTo("Many coaches"));
    }

    @Test
    void quotesAreFoundIgnoringWhitespaceAndCase() {
        var doc = TestApi.importText("Loose " + System.nanoTime(), TestApi.unique(TEXT));
        TestApi.createClaim("Loose quoting works " + System.nanoTime(), doc.get("id"), "many   COACHES still\nblame")
                .then().statusCode(201).body("evidence.excerpt.exact", equalTo("Many coaches still blame"));
    }

    @Test
    void badPassagesAreRefusedWithTheRightStatus() {
        var doc = TestApi.importText("Refusals " + System.nanoTime(), TestApi.unique(TEXT));
        TestApi.createClaim("Not in the text " + System.nanoTime(), doc.get("id"), "this sentence was never written")
                .then().statusCode(422).body("error", containsString("not in the document"));
        TestApi.createClaim("Twice in the text " + System.nanoTime(), doc.get("id"), "hip flexors")
                .then().statusCode(422).body("error", containsString("more than once"));
        TestApi.asEditor().body(Map.of("statement", "Outside " + System.nanoTime(),
                        "source", Map.of("documentId", doc.get("id"), "start", 5, "end", 100000)))
                .post("/api/claims").then().statusCode(400).body("error", containsString("outside the text"));
    }

    @Test
    void theSamePassageTwiceOnOneClaimIsAConflict() {
        var doc = TestApi.importText("Twice " + System.nanoTime(), TestApi.unique(TEXT));
        long claim = TestApi.createClaim("Duplicate passage claim " + System.nanoTime(), doc.get("id"), PASSAGE)
                .then().statusCode(201).extract().<Number>path("id").longValue();
        TestApi.asEditor().body(Map.of("documentId", doc.get("id"), "stance", "SUPPORTS", "exact", PASSAGE))
                .post("/api/claims/" + claim + "/evidence").then().statusCode(409);
    }

    @Test
    void similarClaimsAreSuggestedWhenCreating() {
        String base = "Foam rolling the calves before a run reduces cramps " + System.nanoTime();
        TestApi.createClaim(base, null, null).then().statusCode(201);
        TestApi.createClaim(base.replace("reduces", "prevents"), null, null).then().statusCode(201)
                .body("similar.statement", hasItem(base));
        given().get("/api/claims/similar?q=" + base.replace("calves", "calf")).then().statusCode(200)
                .body("statement", hasItem(base));
    }

    @Test
    void aStaleEditIsRefusedWithTheCurrentVersion() {
        var claim = TestApi.createClaim("Warm muscles stretch further " + System.nanoTime(), null, null)
                .then().statusCode(201).extract().as(Map.class);
        long id = TestApi.id(claim);
        TestApi.asEditor().body(Map.of("version", 0, "statement", "Warm muscles stretch further, first edit"))
                .patch("/api/claims/" + id).then().statusCode(200).body("version", equalTo(1));
        TestApi.asEditor().body(Map.of("version", 0, "statement", "Warm muscles stretch further, second edit"))
                .patch("/api/claims/" + id).then().statusCode(409)
                .body("current.statement", equalTo("Warm muscles stretch further, first edit"))
                .body("current.version", equalTo(1));
        given().get("/api/claims/" + id).then().body("statement", equalTo("Warm muscles stretch further, first edit"));
    }

    @Test
    void mergingMovesEvidenceAndRedirectsTheOldClaim() {
        var doc = TestApi.importText("Merge " + System.nanoTime(), TestApi.unique(TEXT));
        var a = TestApi.createClaim("Tight hamstrings tilt the pelvis back " + System.nanoTime(), doc.get("id"), PASSAGE)
                .then().statusCode(201).extract().as(Map.class);
        var b = TestApi.createClaim("Hip flexors get the blame " + System.nanoTime(), doc.get("id"), "Many coaches still blame the hip flexors instead.")
                .then().statusCode(201).extract().as(Map.class);
        TestApi.asEditor().body(Map.of("into", b.get("id"))).post("/api/claims/" + a.get("id") + "/merge")
                .then().statusCode(200).body("supports", hasSize(2));
        given().get("/api/claims/" + a.get("id")).then().body("status", equalTo("MERGED")).body("supports", hasSize(0));
        given().redirects().follow(false).get("/claims/" + a.get("slug")).then().statusCode(301)
                .header("Location", containsString("/claims/" + b.get("slug")));
        given().get("/claims/" + b.get("slug") + "/history").then().body(containsString("Took in"));
    }

    @Test
    void retractingHidesAndRestoringBringsBack() {
        var claim = TestApi.createClaim("Stretching cures back pain " + System.nanoTime(), null, null)
                .then().statusCode(201).extract().as(Map.class);
        long id = TestApi.id(claim);
        TestApi.asEditor().post("/api/claims/" + id + "/retract")
                .then().statusCode(200).body("status", equalTo("RETRACTED"));
        given().get("/api/claims?q=" + claim.get("statement")).then().body("id", org.hamcrest.Matchers.not(hasItem((int) id)));
        TestApi.asEditor().post("/api/claims/" + id + "/restore")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));
        given().get("/api/claims?q=" + claim.get("statement")).then().body("id", hasItem((int) id));
        given().get("/claims/" + claim.get("slug") + "/history").then().body(containsString("claim.retract"))
                .body(containsString("claim.restore"));
    }

    @Test
    void attachingConflictingEvidenceFromASecondDocument() {
        var first = TestApi.importText("Side A " + System.nanoTime(), TestApi.unique(TEXT));
        var second = TestApi.importText("Side B " + System.nanoTime(),
                TestApi.unique("A counterpoint\n\nPelvic tilt barely changes with hamstring length in healthy adults."));
        long claim = TestApi.createClaim("Hamstrings set pelvic tilt " + System.nanoTime(), first.get("id"), PASSAGE)
                .then().statusCode(201).extract().<Number>path("id").longValue();
        TestApi.asEditor().body(Map.of("documentId", second.get("id"), "stance", "CONFLICTS",
                        "exact", "Pelvic tilt barely changes with hamstring length", "population", "healthy adults"))
                .post("/api/claims/" + claim + "/evidence").then().statusCode(201)
                .body("stance", equalTo("CONFLICTS")).body("population", equalTo("healthy adults"));
        given().get("/api/claims/" + claim).then().body("supports", hasSize(1)).body("conflicts", hasSize(1))
                .body("conflicts[0].documentId", equalTo(second.get("id")));
        given().get("/documents/" + second.get("slug")).then()
                .body(containsString("<mark class=\"hl conflicts\""))
                .body(containsString("Hamstrings set pelvic tilt"));
    }

    @Test
    void unknownIdsAre404() {
        given().get("/api/claims/987654321").then().statusCode(404).body("error", notNull());
        TestApi.asEditor().body(Map.of("documentId", 987654321, "stance", "SUPPORTS", "exact", "x"))
                .post("/api/claims/987654321/evidence").then().statusCode(404);
    }

    @Test
    void hostileTextIsRefusedWithAMessageNotAServerError() {
        TestApi.asEditor().body(Map.of("statement", "Null \u0000 byte " + System.nanoTime())).post("/api/claims")
                .then().statusCode(400).body("error", notNull());
        TestApi.asEditor().body("{\"statement\": 42, \"tags\": \"not-a-list\"}").post("/api/claims")
                .then().statusCode(400).body("error", notNull());
        TestApi.asEditor().body(Map.of("statement", "x".repeat(600))).post("/api/claims")
                .then().statusCode(400).body("error", containsString("3 to 500"));
        TestApi.asEditor().body(Map.of("version", "abc")).patch("/api/claims/1").then().statusCode(400);
    }

    private static org.hamcrest.Matcher<Object> notNull() {
        return org.hamcrest.Matchers.notNullValue();
    }

}
