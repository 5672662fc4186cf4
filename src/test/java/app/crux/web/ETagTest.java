package app.crux.web;

import app.crux.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** ETag on single resources, If-Match on their updates: stale answers 412 and stores nothing. */
@QuarkusTest
class ETagTest {

    @Test
    void aClaimsETagFollowsItsVersionAndIfMatchGuardsItsEdits() {
        String statement = "Morning light shifts sleep earlier " + System.nanoTime();
        long id = TestApi.id(TestApi.createClaim(statement, null, null).then().statusCode(201).extract().as(Map.class));
        String first = given().get("/api/claims/" + id).then().statusCode(200).body("version", equalTo(0))
                .extract().header("ETag");
        assertEquals("\"0\"", first);

        // current tag: the edit goes through, with no version in the body, and the tag moves on
        String edited = TestApi.asEditor().header("If-Match", first)
                .body(Map.of("statement", statement + ", edited")).patch("/api/claims/" + id)
                .then().statusCode(200).body("version", equalTo(1)).extract().header("ETag");
        assertEquals("\"1\"", edited);
        assertNotEquals(first, given().get("/api/claims/" + id).then().extract().header("ETag"));

        // stale tag: 412 in the project's error shape, with the current version, and nothing stored
        TestApi.asEditor().header("If-Match", first)
                .body(Map.of("statement", statement + ", overwritten")).patch("/api/claims/" + id)
                .then().statusCode(412).body("error", containsString("Someone changed this claim"))
                .body("currentVersion", equalTo(1)).body("current.statement", equalTo(statement + ", edited"));
        given().get("/api/claims/" + id).then().statusCode(200).body("statement", equalTo(statement + ", edited"))
                .body("version", equalTo(1)).header("ETag", "\"1\"");

        // without If-Match the body's version rules as before; an unusable tag is a 400
        TestApi.asEditor().body(Map.of("version", 0, "statement", "x")).patch("/api/claims/" + id).then().statusCode(409);
        TestApi.asEditor().header("If-Match", "W/\"1\"").body(Map.of("statement", "x"))
                .patch("/api/claims/" + id).then().statusCode(400);
        TestApi.asEditor().body(Map.of("statement", "x")).patch("/api/claims/" + id).then().statusCode(400);
        given().get("/api/claims/" + id).then().body("statement", equalTo(statement + ", edited"));
    }

    @Test
    void aDocumentsETagIsItsRevisionAndIfMatchGuardsRevisions() {
        var doc = TestApi.importText("ETag document " + System.nanoTime(), "Short naps helped recall. Ref " + System.nanoTime() + ".");
        long id = TestApi.id(doc);
        String tag = given().get("/api/documents/" + id).then().statusCode(200).extract().header("ETag");
        assertEquals("\"1\"", tag);
        TestApi.asEditor().header("If-Match", tag).body(Map.of("text", "Short naps helped recall a lot."))
                .put("/api/documents/" + id).then().statusCode(200).body("document.revision", equalTo(2));
        given().get("/api/documents/" + id).then().header("ETag", "\"2\"");
        TestApi.asEditor().header("If-Match", tag).body(Map.of("text", "Overwritten text."))
                .put("/api/documents/" + id).then().statusCode(412).body("currentRevision", equalTo(2));
        given().get("/api/documents/" + id).then().body("text", equalTo("Short naps helped recall a lot."))
                .body("revision", equalTo(2));
    }
}
