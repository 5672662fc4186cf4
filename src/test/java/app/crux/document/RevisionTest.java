package app.crux.document;

import app.crux.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Revising a document keeps the old text and re-anchors every passage, reporting what moved, changed or was lost. */
@QuarkusTest
class RevisionTest {

    private static final String KEPT = "Cooling down with a walk helps the heart rate settle.";
    private static final String EDITED = "Ice baths after every session may slow strength gains.";
    private static final String DELETED = "Compression socks are mostly a matter of comfort.";

    @Test
    void revisingReanchorsKeepsChangesAndOrphans() {
        String text = TestApi.unique("Recovery notes\n\n" + KEPT + "\n\n" + EDITED + "\n\n" + DELETED);
        var doc = TestApi.importText("Recovery " + System.nanoTime(), text);
        long kept = evidenceExcerpt("Walking cools you down " + System.nanoTime(), doc.get("id"), KEPT);
        long edited = evidenceExcerpt("Ice baths blunt strength " + System.nanoTime(), doc.get("id"), EDITED);
        long deleted = evidenceExcerpt("Compression is comfort " + System.nanoTime(), doc.get("id"), DELETED);

        String revised = "A new opening line.\n\n" + text.replace("may slow", "might slow").replace(DELETED, "");
        TestApi.asEditor().body(Map.of("text", revised)).put("/api/documents/" + doc.get("id"))
                .then().statusCode(200)
                .body("kept", equalTo(1))
                .body("changed", equalTo(List.of((int) edited)))
                .body("orphaned", equalTo(List.of((int) deleted)))
                .body("document.revision", equalTo(2));

        var json = given().get("/api/documents/" + doc.get("id")).then().statusCode(200).extract().jsonPath();
        String body = json.getString("text");
        Map<String, Object> keptExcerpt = json.getMap("excerpts.find { it.id == " + kept + " }");
        assertSlice(body, keptExcerpt, KEPT);
        Map<String, Object> changed = json.getMap("excerpts.find { it.id == " + edited + " }");
        assertSlice(body, changed, EDITED.replace("may slow", "might slow"));
        org.junit.jupiter.api.Assertions.assertEquals(true, changed.get("changed"));
        Map<String, Object> orphan = json.getMap("excerpts.find { it.id == " + deleted + " }");
        org.junit.jupiter.api.Assertions.assertEquals(true, orphan.get("orphaned"));
        org.junit.jupiter.api.Assertions.assertEquals(DELETED, orphan.get("exact"));

        given().get("/documents/" + doc.get("slug")).then().statusCode(200).body(containsString("revision 2"));
    }

    @Test
    void revisingWithTheSameTextChangesNothing() {
        String text = TestApi.unique("Unchanged notes\n\nStanding desks alone do not fix posture.");
        var doc = TestApi.importText("Same " + System.nanoTime(), text);
        TestApi.asEditor().body(Map.of("text", text)).put("/api/documents/" + doc.get("id"))
                .then().statusCode(400).body("error", containsString("same"));
        given().get("/api/documents/" + doc.get("id")).then().body("revision", equalTo(1)).body("excerpts", hasSize(0));
    }

    private static long evidenceExcerpt(String statement, Object documentId, String exact) {
        return TestApi.createClaim(statement, documentId, exact).then().statusCode(201)
                .extract().<Number>path("evidence.excerpt.id").longValue();
    }

    private static void assertSlice(String body, Map<String, Object> excerpt, String expected) {
        int start = ((Number) excerpt.get("start")).intValue();
        int end = ((Number) excerpt.get("end")).intValue();
        org.junit.jupiter.api.Assertions.assertEquals(expected, body.substring(start, end));
        org.junit.jupiter.api.Assertions.assertEquals(expected, excerpt.get("exact"));
    }
}
