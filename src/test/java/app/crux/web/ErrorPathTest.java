package app.crux.web;

import app.crux.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Errors leave through the mappers and the error template only. */
@QuarkusTest
class ErrorPathTest {

    @Test
    void aStaleClaimEditIsAConflictCarryingTheClaimAsItIsNow() {
        var created = TestApi.createClaim("Conflict mapper claim " + System.nanoTime(), null, null)
                .then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        int version = created.getInt("version");
        TestApi.asEditor().contentType(ContentType.JSON).body("{\"version\": " + version + ", \"statement\": \"Edited once " + id + "\"}")
                .patch("/api/claims/" + id).then().statusCode(200).body("version", equalTo(version + 1));
        TestApi.asEditor().contentType(ContentType.JSON).body("{\"version\": " + version + ", \"statement\": \"Edited stale " + id + "\"}")
                .patch("/api/claims/" + id).then().statusCode(409).contentType(containsString("application/json"))
                .body("error", containsString("changed"))
                .body("details.size()", equalTo(0))
                .body("current.version", equalTo(version + 1))
                .body("current.statement", equalTo("Edited once " + id));
    }

    @Test
    void aRefusalBeforeRoutingIsTheErrorTemplateWithoutTheLayout() {
        RawHttp.Answer answer = RawHttp.send("GET", "/claims;x", List.of("Accept: text/html"), null);
        assertEquals(400, answer.status(), answer.toString());
        assertTrue(answer.body().contains("<section class=\"error-page\">"), answer.body());
        assertTrue(answer.body().contains("<p class=\"status\">Error 400</p>"), answer.body());
        assertTrue(answer.body().contains("<h1>Bad address</h1>"), answer.body());
        assertTrue(!answer.body().contains("Sign in"), "no layout that reads a user: " + answer.body());
    }
}
