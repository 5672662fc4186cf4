package app.crux.exchange;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import app.crux.TestApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live responses conform to the schemas /q/openapi publishes for them (json-schema-validator,
 * draft 2020-12): every exchange operation, and every parameterless or id-addressed GET of the
 * rest of the API, so a response that drifts from its description fails here.
 */
@QuarkusTest
class LiveResponseSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode get(String url, String token) throws Exception {
        var request = given();
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return JSON.readTree(request.get(url).then().statusCode(200).extract().asString());
    }

    private static void conforms(String path, String url, String token) throws Exception {
        List<String> problems = OpenApiSchemas.problems(path, "GET", 200, get(url, token));
        assertEquals(List.of(), problems, "GET " + url + " against " + path + " in /q/openapi");
    }

    @Test
    void exchangeResponsesMatchTheirSchemas() throws Exception {
        var doc = TestApi.importText("Schema check " + System.nanoTime(), "Walking after dinner lowered glucose peaks. Ref "
                + System.nanoTime() + ".");
        long id = TestApi.id(doc);
        TestApi.createClaim("Walking after dinner lowers glucose " + System.nanoTime(), id, "lowered glucose peaks")
                .then().statusCode(201);
        assertTrue(OpenApiSchemas.responseSchema("/api/export", "GET", 200).toString().contains("ExportFile"));
        conforms("/api/export", "/api/export", null);
        conforms("/api/export", "/api/export", ExchangeCorpus.adminToken());
        conforms("/api/annotations", "/api/annotations?document=" + id, null);
        conforms("/api/claimreviews", "/api/claimreviews?size=50", null);
    }

    /** A schema that does not describe the body is caught: the check is not vacuous. */
    @Test
    void aBodyThatDriftsFromItsSchemaIsCaught() throws Exception {
        JsonNode wrong = JSON.readTree("{\"page\": \"one\", \"size\": 1, \"total\": 0, \"items\": [{\"url\": 5}]}");
        assertTrue(!OpenApiSchemas.problems("/api/claimreviews", "GET", 200, wrong).isEmpty());
    }

    /** Every other GET under /api that needs no parameter, or only an id we can supply. */
    @Test
    void theRestOfTheApisGetsMatchTheirSchemas() throws Exception {
        var doc = TestApi.importText("Schema walk " + System.nanoTime(), "Cold water swims raised alertness. Ref "
                + System.nanoTime() + ".");
        long documentId = TestApi.id(doc);
        var other = TestApi.importText("Schema walk other " + System.nanoTime(), "Warm baths eased sleep. Ref "
                + System.nanoTime() + ".");
        var claim = TestApi.createClaim("Cold swims raise alertness " + System.nanoTime(), documentId, "raised alertness")
                .then().statusCode(201).extract().jsonPath();
        Map<String, String> ids = Map.of("/api/documents/{id}", String.valueOf(documentId),
                "/api/claims/{id}", claim.getString("id"), "/api/evidence/{id}/votes", claim.getString("evidence.id"));
        List<String> failures = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (var it = OpenApiSchemas.openapi().path("paths").fields(); it.hasNext(); ) {
            var entry = it.next();
            String path = entry.getKey();
            JsonNode get = entry.getValue().path("get");
            if (get.isMissingNode() || !path.startsWith("/api/") || path.equals("/api/export")
                    || path.equals("/api/annotations") || path.equals("/api/claimreviews")) {
                continue;
            }
            String url = path;
            if (path.contains("{")) {
                if (!ids.containsKey(path)) {
                    failures.add(path + ": no id to try");
                    continue;
                }
                url = path.replaceAll("\\{[^}]+}", ids.get(path));
            } else if (path.equals("/api/history")) {
                url = path + "?subject=document:" + documentId;
            } else if (path.equals("/api/compare")) {
                url = path + "?a=" + doc.get("slug") + "&b=" + other.get("slug");
            } else if (requiresQuery(get)) {
                url = path + "?q=cold";
            }
            var response = given().get(url);
            if (response.statusCode() != 200) {
                failures.add("GET " + url + ": " + response.statusCode());
                continue;
            }
            List<String> problems = OpenApiSchemas.problems(path, "GET", 200, JSON.readTree(response.asString()));
            checked.add(path);
            if (!problems.isEmpty()) {
                failures.add("GET " + url + ": " + problems);
            }
        }
        System.out.println("Schema-checked GETs: " + checked);
        assertTrue(checked.size() >= 5, checked.toString());
        assertEquals(List.of(), failures);
    }

    private static boolean requiresQuery(JsonNode operation) {
        for (JsonNode p : operation.path("parameters")) {
            if ("query".equals(p.path("in").asText()) && p.path("required").asBoolean()) {
                return true;
            }
        }
        return false;
    }
}
