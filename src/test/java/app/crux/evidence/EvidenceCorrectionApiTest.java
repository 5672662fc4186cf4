package app.crux.evidence;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET/PATCH/DELETE /api/evidence/{id} and its restore: corrections with optimistic locking, soft detaching. */
@QuarkusTest
class EvidenceCorrectionApiTest {

    private static final String TEXT = """
            Cadence notes

            Raising step rate by five percent lowered knee load in most recreational runners we measured.

            A faster cadence made no difference to shin pain over eight weeks in the second group.""";
    private static final String SUPPORTING = "Raising step rate by five percent lowered knee load";
    private static final String CONFLICTING = "A faster cadence made no difference to shin pain";

    /** A published claim with one supporting and one conflicting passage; returns {claimId, slug, supportId, conflictId}. */
    static Map<String, Object> claimWithTwoSides(String label) {
        var doc = TestApi.importText("Cadence " + label + " " + System.nanoTime(), TestApi.unique(TEXT));
        var claim = TestApi.createClaim("A higher cadence protects runners' legs " + label + " " + System.nanoTime(), doc.get("id"), SUPPORTING)
                .then().statusCode(201).extract().jsonPath();
        long claimId = claim.getLong("id");
        long conflictId = TestApi.asEditor().body(Map.of("documentId", doc.get("id"), "stance", "CONFLICTS", "exact", CONFLICTING,
                "note", "Shin pain, not knee load.")).post("/api/claims/" + claimId + "/evidence")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        return Map.of("claimId", claimId, "slug", claim.getString("slug"), "supportId", claim.getLong("evidence.id"),
                "conflictId", conflictId, "docSlug", doc.get("slug"));
    }

    @Test
    void aStanceChangeKeepsTheRatingsClearsTheDisputesAndSaysSoInTheHistory() {
        var c = claimWithTwoSides("stance");
        long id = (long) c.get("conflictId");
        String reviewer = TestAccounts.token(TestAccounts.create("stance-rater", Role.REVIEWER));
        String other = TestAccounts.token(TestAccounts.create("stance-rater2", Role.REVIEWER));
        vote(reviewer, id, "HIGH", true);
        vote(other, id, "LOW", false);
        given().get("/api/evidence/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("stance", equalTo("CONFLICTS")).body("version", equalTo(1)).body("voteCount", equalTo(2));

        TestApi.asEditor().body(Map.of("version", 1, "stance", "SUPPORTS", "note", "Also about knees after all."))
                .patch("/api/evidence/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("stance", equalTo("SUPPORTS")).body("note", equalTo("Also about knees after all."))
                .body("version", equalTo(2)).body("voteCount", equalTo(2));

        // both ratings kept with their strengths, the dispute (about the old stance) cleared
        given().header("Authorization", "Bearer " + reviewer).get("/api/evidence/" + id + "/votes").then().statusCode(200)
                .body(containsString("HIGH")).body(containsString("LOW")).body(not(containsString("\"disputesStance\":true")));
        given().get("/api/claims/" + c.get("claimId")).then().statusCode(200)
                .body("conflicts", org.hamcrest.Matchers.empty()).body("supports.id", hasItem((int) id));
        String cookie = TestAccounts.login(TestAccounts.create("stance-history", Role.EDITOR));
        given().cookie(TestAccounts.SESSION_COOKIE, cookie).get("/history").then().statusCode(200)
                .body(containsString("stance conflicts → supports (2 rating(s) kept, 1 stance dispute(s) cleared)"));
    }

    @Test
    void aStaleVersionIsRefusedWithTheCurrentItemAndNothingIsOverwritten() {
        var c = claimWithTwoSides("stale");
        long id = (long) c.get("conflictId");
        TestApi.asEditor().body(Map.of("version", 1, "population", "Masters runners")).patch("/api/evidence/" + id)
                .then().statusCode(200).body("population", equalTo("Masters runners")).body("version", equalTo(2));
        TestApi.asEditor().body(Map.of("version", 1, "population", "Sprinters")).patch("/api/evidence/" + id)
                .then().statusCode(409).body("current.version", equalTo(2)).body("current.population", equalTo("Masters runners"));
        TestApi.asEditor().header("If-Match", "\"1\"").body(Map.of("outcome", "Shin pain")).patch("/api/evidence/" + id)
                .then().statusCode(412).body("currentVersion", equalTo(2));
        TestApi.asEditor().header("If-Match", "\"2\"").body(Map.of("outcome", "Shin pain", "population", ""))
                .patch("/api/evidence/" + id).then().statusCode(200).header("ETag", "\"3\"")
                .body("outcome", equalTo("Shin pain")).body("population", nullValue()).body("note", equalTo("Shin pain, not knee load."));
        TestApi.asEditor().body(Map.of("stance", "SUPPORTS")).patch("/api/evidence/" + id).then().statusCode(400)
                .body("details", hasItem("version: missing"));
    }

    @Test
    void hostileOrUnauthorisedCorrectionsAreRefusedAndStoreNothing() {
        var c = claimWithTwoSides("hostile");
        long id = (long) c.get("conflictId");
        String reviewer = TestAccounts.token(TestAccounts.create("patch-reviewer", Role.REVIEWER));
        given().header("Authorization", "Bearer " + reviewer).contentType(ContentType.JSON).body(Map.of("version", 1, "note", "x"))
                .patch("/api/evidence/" + id).then().statusCode(403);
        given().header("Authorization", "Bearer " + reviewer).delete("/api/evidence/" + id).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("version", 1, "note", "x")).patch("/api/evidence/" + id).then().statusCode(401);
        given().header("Authorization", "Bearer " + TestApi.editorToken()).contentType(ContentType.TEXT).body("note=x")
                .patch("/api/evidence/" + id).then().statusCode(415);
        TestApi.asEditor().body(Map.of("version", 1, "note", "n".repeat(2001))).patch("/api/evidence/" + id).then().statusCode(400);
        TestApi.asEditor().body(Map.of("version", 1, "stance", "MAYBE")).patch("/api/evidence/" + id).then().statusCode(400);
        TestApi.asEditor().header("If-Match", "W/\"1\"").body(Map.of("note", "x")).patch("/api/evidence/" + id).then().statusCode(400);
        TestApi.asEditor().body(Map.of("version", 1, "note", "x")).patch("/api/evidence/999999999").then().statusCode(404);
        given().get("/api/evidence/" + id).then().statusCode(200).body("note", equalTo("Shin pain, not knee load."))
                .body("version", equalTo(1)).body("stance", equalTo("CONFLICTS"));
    }

    @Test
    void aDetachedItemIsHiddenEverywhereUntilAnEditorRestoresIt() {
        var c = claimWithTwoSides("detach");
        long id = (long) c.get("conflictId");
        long claimId = (long) c.get("claimId");
        given().get("/api/claims/" + claimId).then().body("conflicts.id", hasItem((int) id)).body("conflictWeight", equalTo(1.0f));
        String note = "Detached note " + System.nanoTime();
        long excerpt = given().get("/api/evidence/" + id).then().extract().jsonPath().getLong("excerpt.id");
        given().get("/documents/" + c.get("docSlug")).then().statusCode(200).body(containsString("id=\"passage-" + excerpt + "\""));
        TestApi.asEditor().body(Map.of("version", 1, "note", note)).patch("/api/evidence/" + id).then().statusCode(200);
        given().get("/api/export").then().statusCode(200).body(containsString(note));
        given().get("/downloads/evidence.csv").then().statusCode(200).body(containsString("\nevidence," + id + ","));

        TestApi.asEditor().header("If-Match", "\"2\"").delete("/api/evidence/" + id).then().statusCode(200)
                .body("detached", equalTo(true)).body("version", equalTo(3));
        TestApi.asEditor().delete("/api/evidence/" + id).then().statusCode(409);
        given().get("/api/evidence/" + id).then().statusCode(404);
        String reviewer = TestAccounts.token(TestAccounts.create("detached-rater", Role.REVIEWER));
        given().header("Authorization", "Bearer " + reviewer).get("/api/evidence/" + id).then().statusCode(404);
        given().header("Authorization", "Bearer " + reviewer).contentType(ContentType.JSON).body(Map.of("strength", "HIGH"))
                .put("/api/evidence/" + id + "/vote").then().statusCode(404);
        TestApi.asEditor().get("/api/evidence/" + id).then().statusCode(200).body("detached", equalTo(true));
        // scores recomputed in the same write: the claim has no conflicting side left
        given().get("/api/claims/" + claimId).then().body("conflicts", org.hamcrest.Matchers.empty())
                .body("conflictWeight", equalTo(0.0f)).body("verdict", equalTo("UNREVIEWED"));
        given().get("/claims/" + c.get("slug")).then().statusCode(200).body(not(containsString(CONFLICTING)));
        given().get("/documents/" + c.get("docSlug")).then().statusCode(200).body(not(containsString("id=\"passage-" + excerpt + "\"")));
        given().get("/downloads/evidence.csv").then().statusCode(200).body(not(containsString("\nevidence," + id + ",")));
        given().get("/api/annotations?claim=" + claimId).then().statusCode(200).body(not(containsString(CONFLICTING)))
                .body(containsString(SUPPORTING));
        given().get("/api/export").then().statusCode(200).body(not(containsString(note)));
        // attaching the same passage again points at the detached item rather than making a twin
        TestApi.asEditor().body(Map.of("documentId", documentId(claimId), "stance", "CONFLICTS", "exact", CONFLICTING))
                .post("/api/claims/" + claimId + "/evidence").then().statusCode(409).body("detachedId", equalTo((int) id));

        TestApi.asEditor().post("/api/evidence/" + id + "/restore").then().statusCode(200)
                .body("detached", equalTo(false)).body("version", equalTo(4));
        given().get("/api/evidence/" + id).then().statusCode(200).header("ETag", "\"4\"");
        given().get("/api/claims/" + claimId).then().body("conflicts.id", hasItem((int) id)).body("conflictWeight", equalTo(1.0f));
        TestApi.asEditor().post("/api/evidence/" + id + "/restore").then().statusCode(409);
    }

    @Test
    void evidenceOfARetractedClaimIsNotFoundForReaders() {
        var c = claimWithTwoSides("retracted");
        long id = (long) c.get("supportId");
        TestApi.asEditor().post("/api/claims/" + c.get("claimId") + "/retract").then().statusCode(200);
        given().get("/api/evidence/" + id).then().statusCode(404);
        String reviewer = TestAccounts.token(TestAccounts.create("retracted-reader", Role.REVIEWER));
        given().header("Authorization", "Bearer " + reviewer).get("/api/evidence/" + id).then().statusCode(404);
        TestApi.asEditor().get("/api/evidence/" + id).then().statusCode(200);
        TestApi.asEditor().body(Map.of("version", 1, "note", "x")).patch("/api/evidence/" + id).then().statusCode(400)
                .body("error", containsString("retracted"));
    }

    private static long documentId(long claimId) {
        return given().get("/api/claims/" + claimId).then().extract().jsonPath().getLong("supports[0].documentId");
    }

    private static void vote(String token, long evidenceId, String strength, boolean dispute) {
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("strength", strength, "disputesStance", dispute)).put("/api/evidence/" + evidenceId + "/vote")
                .then().statusCode(200);
    }

    @Test
    void theItemReadsAsStoredWithItsVersionAsETag() {
        var c = claimWithTwoSides("read");
        long id = (long) c.get("conflictId");
        var body = given().get("/api/evidence/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("Shin pain, not knee load.", body.getString("note"));
        assertEquals(CONFLICTING, body.getString("excerpt.exact"));
        assertEquals(false, body.getBoolean("detached"));
    }
}
