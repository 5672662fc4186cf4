package app.crux;

import app.crux.account.Role;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Shortcuts for tests that set up documents and claims through the real JSON API. */
public final class TestApi {

    private static String editorToken;

    private TestApi() {
    }

    /** One editor's bearer token, shared by the tests of a run. */
    public static synchronized String editorToken() {
        if (editorToken == null) {
            editorToken = TestAccounts.token(TestAccounts.create("api-editor", Role.EDITOR));
        }
        return editorToken;
    }

    public static RequestSpecification asEditor() {
        return given().header("Authorization", "Bearer " + editorToken()).contentType(ContentType.JSON);
    }

    /** Imports text under a unique title (and unique text: the same text twice is refused). */
    public static Map<String, Object> importText(String title, String text) {
        return asEditor().body(Map.of("title", title, "text", text)).post("/api/documents")
                .then().statusCode(201).extract().as(Map.class);
    }

    public static Response createClaim(String statement, Object documentId, String exact) {
        Map<String, Object> body = new HashMap<>();
        body.put("statement", statement);
        body.put("tags", List.of("test"));
        if (documentId != null) {
            body.put("source", Map.of("documentId", documentId, "exact", exact));
        }
        return asEditor().body(body).post("/api/claims");
    }

    public static long id(Map<String, Object> json) {
        return ((Number) json.get("id")).longValue();
    }

    /** Text that no other test imports. */
    public static String unique(String text) {
        return text + "\n\nReference " + System.nanoTime() + ".";
    }
}
