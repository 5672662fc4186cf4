package app.crux.exchange;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.restassured.http.ContentType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live responses conform to the schemas /q/openapi publishes for them (json-schema-validator,
 * draft 2020-12): every exchange operation, every parameterless or id-addressed GET of the rest of the
 * API (with the headers it declares), every write's success answer, and the error answers (400, 404,
 * 409, 412) of every write, so a response that drifts from its description fails here.
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
        long target = TestApi.createClaim("Cold swims wake people up " + System.nanoTime(), documentId, "raised alertness")
                .then().statusCode(201).extract().<Number>path("id").longValue();
        Map<String, String> ids = Map.of("/api/documents/{id}", String.valueOf(documentId),
                "/api/claims/{id}", claim.getString("id"), "/api/evidence/{id}/votes", claim.getString("evidence.id"),
                "/api/claims/{id}/merge", claim.getString("id"),
                "/api/evidence/{id}/discussion", claim.getString("evidence.id"),
                "/api/claims/{id}/rating-requests", claim.getString("id"),
                "/api/evidence/{id}", claim.getString("evidence.id"));
        // these answer editors only (and reviewers taking part); the evidence is rated high and low so it has a discussion
        List<String> asEditor = List.of("/api/evidence/{id}/discussion", "/api/claims/{id}/rating-requests");
        for (String strength : List.of("HIGH", "LOW")) {
            given().header("Authorization", "Bearer " + TestAccounts.token(TestAccounts.create("schema-rater", Role.REVIEWER)))
                    .contentType(ContentType.JSON).body(Map.of("strength", strength, "rationale", "Schema walk"))
                    .put("/api/evidence/" + claim.getString("evidence.id") + "/vote").then().statusCode(200);
        }
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
            // the merge preview is for editors, and shows the passage both claims quote
            var response = path.equals("/api/claims/{id}/merge") ? TestApi.asEditor().get(url + "?into=" + target)
                    : asEditor.contains(path) ? TestApi.asEditor().get(url) : given().get(url);
            if (response.statusCode() != 200) {
                failures.add("GET " + url + ": " + response.statusCode());
                continue;
            }
            List<String> problems = new ArrayList<>(OpenApiSchemas.problems(path, "GET", 200, JSON.readTree(response.asString())));
            problems.addAll(missingHeaders(path, "GET", 200, response));
            checked.add(path);
            if (!problems.isEmpty()) {
                failures.add("GET " + url + ": " + problems);
            }
        }
        System.out.println("Schema-checked GETs: " + checked);
        assertTrue(checked.size() >= 5, checked.toString());
        assertEquals(List.of(), failures);
    }

    /**
     * Every write of the API with a request that succeeds, and the refusals a client must handle: each answer's
     * status must be declared for its operation, its body must match the declared schema, its declared headers
     * must be there.
     */
    @Test
    void writeAnswersMatchTheirSchemas() throws Exception {
        String editor = TestApi.editorToken();
        String admin = ExchangeCorpus.adminToken();
        String reviewer = TestAccounts.token(TestAccounts.create("schema-reviewer", Role.REVIEWER));
        Calls calls = new Calls();
        String text = "Short naps improved recall in the afternoon. Ref " + System.nanoTime() + ".";
        long doc = calls.expect(201, "POST", "/api/documents", "/api/documents", editor, null,
                Map.of("title", "Write schema " + System.nanoTime(), "text", text)).path("id").asLong();
        calls.expect(409, "POST", "/api/documents", "/api/documents", editor, null, Map.of("title", "Again " + System.nanoTime(), "text", text));
        calls.expect(200, "PUT", "/api/documents/{id}", "/api/documents/" + doc, editor, "\"1\"",
                Map.of("text", text + "\n\nA second paragraph on naps."));
        calls.expect(412, "PUT", "/api/documents/{id}", "/api/documents/" + doc, editor, "\"1\"", Map.of("text", text));
        calls.expect(404, "PUT", "/api/documents/{id}", "/api/documents/999999999", editor, null, Map.of("text", text));
        long other = TestApi.id(TestApi.importText("Write schema other " + System.nanoTime(),
                "Long naps left people groggy. Ref " + System.nanoTime() + "."));

        JsonNode claim = calls.expect(201, "POST", "/api/claims", "/api/claims", editor, null, Map.of("statement",
                "Short naps improve recall " + System.nanoTime(), "tags", List.of("sleep"), "status", "PUBLISHED",
                "source", Map.of("documentId", doc, "exact", "improved recall")));
        long claimId = claim.path("id").asLong();
        calls.expect(400, "POST", "/api/claims", "/api/claims", editor, null, Map.of("statement", ""));
        calls.expect(200, "PATCH", "/api/claims/{id}", "/api/claims/" + claimId, editor, "\"" + claim.path("version").asInt() + "\"",
                Map.of("tags", List.of("sleep", "memory")));
        calls.expect(412, "PATCH", "/api/claims/{id}", "/api/claims/" + claimId, editor, "\"" + claim.path("version").asInt() + "\"",
                Map.of("tags", List.of("sleep")));
        calls.expect(409, "PATCH", "/api/claims/{id}", "/api/claims/" + claimId, editor, null,
                Map.of("version", claim.path("version").asInt(), "tags", List.of("sleep")));
        long evidence = calls.expect(201, "POST", "/api/claims/{id}/evidence", "/api/claims/" + claimId + "/evidence", editor, null,
                Map.of("documentId", other, "stance", "CONFLICTS", "exact", "groggy")).path("id").asLong();
        calls.expect(200, "PUT", "/api/evidence/{id}/vote", "/api/evidence/" + evidence + "/vote", reviewer, null, Map.of("strength", "LOW"));
        calls.expect(200, "DELETE", "/api/evidence/{id}/vote", "/api/evidence/" + evidence + "/vote", reviewer, null, null);
        calls.expect(404, "DELETE", "/api/evidence/{id}/vote", "/api/evidence/999999999/vote", reviewer, null, null);
        long twin = TestApi.createClaim("Short naps help memory " + System.nanoTime(), doc, "improved recall")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        calls.expect(200, "POST", "/api/claims/{id}/merge", "/api/claims/" + twin + "/merge", editor, null, Map.of("into", claimId));
        calls.expect(200, "POST", "/api/claims/{id}/retract", "/api/claims/" + claimId + "/retract", editor, null, null);
        calls.expect(200, "POST", "/api/claims/{id}/restore", "/api/claims/" + claimId + "/restore", editor, null, null);
        calls.expect(201, "POST", "/api/users", "/api/users", admin, null, Map.of("username", "schema-user-" + System.nanoTime() % 100000,
                "displayName", "Schema user", "password", "plenty-long-test-passphrase", "roles", List.of("REVIEWER")));
        calls.expect(200, "POST", "/api/auth/token", "/api/auth/token", null, null,
                Map.of("username", TestAccounts.ADMIN, "password", TestAccounts.ADMIN_PASSWORD));
        calls.expect(200, "POST", "/api/admin/recompute-scores", "/api/admin/recompute-scores", admin, null, null);
        calls.expect(409, "POST", "/api/import", "/api/import", admin, null, JSON.readTree(given().header("Authorization", "Bearer " + admin)
                .get("/api/export").then().statusCode(200).extract().asString()));
        assertEquals(List.of(), calls.failures);
    }

    /**
     * Every write in /q/openapi, including routes added after this test was written: a body that is not JSON
     * (400) and an unknown id (404) are answered with a declared status and the declared error schema.
     */
    @Test
    void everyWritesRefusalsMatchTheirSchemas() throws Exception {
        String all = TestAccounts.token(TestAccounts.create("schema-all", Role.ADMIN, Role.EDITOR, Role.REVIEWER));
        Calls calls = new Calls();
        TreeSet<String> covered = new TreeSet<>();
        for (var path : OpenApiSchemas.openapi().path("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                if (!List.of("POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String url = path.getKey().replaceAll("\\{[^}]+}", "999999999");
                if (operation.getValue().has("requestBody")) {
                    // a known id where the path has one would still fail on the body first: the body is read before the id
                    calls.refused(method, path.getKey(), url, all, "{\"unfinished\": ");
                    covered.add(method + " " + path.getKey());
                }
                if (path.getKey().contains("{")) {
                    calls.refused(method, path.getKey(), url, all, operation.getValue().has("requestBody") ? "{}" : null);
                    covered.add(method + " " + path.getKey());
                }
            }
        }
        System.out.println("Refusals schema-checked: " + covered);
        assertTrue(covered.containsAll(List.of("POST /api/claims", "PATCH /api/claims/{id}", "PUT /api/documents/{id}",
                "DELETE /api/evidence/{id}/vote")), covered.toString());
        assertEquals(List.of(), calls.failures);
    }

    /** The bug this catches: an answer with an undeclared status, or a body the schema does not describe. */
    @Test
    void anUndeclaredStatusOrAWrongErrorBodyIsCaught() throws Exception {
        assertTrue(!OpenApiSchemas.problems("/api/claims/{id}", "PATCH", 412, JSON.readTree("{\"error\": 5}")).isEmpty());
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> OpenApiSchemas.responseSchema("/api/auth/token", "POST", 418));
    }

    /** Requests whose answers are checked against /q/openapi; failures collected, so one run shows them all. */
    private static final class Calls {
        final List<String> failures = new ArrayList<>();

        JsonNode expect(int status, String method, String path, String url, String token, String ifMatch, Object body) throws Exception {
            var request = given().contentType(ContentType.JSON);
            if (token != null) {
                request = request.header("Authorization", "Bearer " + token);
            }
            if (ifMatch != null) {
                request = request.header("If-Match", ifMatch);
            }
            if (body != null) {
                request = request.body(body instanceof JsonNode node ? node.toString() : JSON.writeValueAsString(body));
            }
            Response response = request.request(method, url);
            String name = method + " " + url;
            if (response.statusCode() != status) {
                failures.add(name + ": " + response.statusCode() + " instead of " + status + ": " + response.asString());
                return JSON.createObjectNode();
            }
            check(name, path, method, response);
            return JSON.readTree(response.asString());
        }

        /** Any 4xx is a fair refusal here; what is checked is that it is declared and described. */
        void refused(String method, String path, String url, String token, String rawBody) {
            var request = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
            if (rawBody != null) {
                request = request.body(rawBody);
            }
            Response response = request.request(method, url);
            String name = method + " " + url + " with " + rawBody;
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                failures.add(name + ": " + response.statusCode() + ", not a refusal");
                return;
            }
            check(name, path, method, response);
        }

        private void check(String name, String path, String method, Response response) {
            try {
                List<String> problems = new ArrayList<>(OpenApiSchemas.problems(path, method, response.statusCode(),
                        JSON.readTree(response.asString())));
                problems.addAll(missingHeaders(path, method, response.statusCode(), response));
                if (!problems.isEmpty()) {
                    failures.add(name + " " + response.statusCode() + ": " + problems);
                }
            } catch (AssertionError | Exception e) {
                failures.add(name + " " + response.statusCode() + ": " + e.getMessage());
            }
        }
    }

    /** The headers /q/openapi declares for this answer that the live response lacks. */
    private static List<String> missingHeaders(String path, String method, int status, Response response) {
        List<String> missing = new ArrayList<>();
        OpenApiSchemas.openapi().path("paths").path(path).path(method.toLowerCase()).path("responses")
                .path(String.valueOf(status)).path("headers").fieldNames().forEachRemaining(header -> {
                    if (response.header(header) == null) {
                        missing.add("declared header " + header + " missing");
                    }
                });
        return missing;
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
