package app.crux.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /q/openapi} describes what every {@code /api} operation really answers: each success response has a
 * schema, and neither it nor anything it refers to is an untyped {@code object} (a {@code Map<String,Object>}
 * body, or a {@code Response} the description cannot see into).
 */
@QuarkusTest
class OpenApiSchemasTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void everyApiResponseHasATypedSchema() throws Exception {
        JsonNode api = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            if (!path.getKey().startsWith("/api")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = operation.getValue().path("responses");
                boolean success = false;
                for (Map.Entry<String, JsonNode> response : responses.properties()) {
                    if (!response.getKey().startsWith("2")) {
                        continue;
                    }
                    success = true;
                    JsonNode schema = response.getValue().path("content").path("application/json").path("schema");
                    if (schema.isMissingNode()) {
                        problems.add(name + " " + response.getKey() + ": no JSON schema");
                    } else {
                        untyped(api, schema, name + " " + response.getKey(), new HashSet<>(), problems);
                    }
                    checked++;
                }
                if (!success) {
                    problems.add(name + ": no success response");
                }
            }
        }
        assertTrue(checked >= 20, "every /api operation was read: " + checked);
        assertEquals(List.of(), problems);
    }

    /**
     * Lists answered whole, on purpose (docs/decisions.md "API lists"): type-ahead top 10 and the near-duplicate
     * warning's top 5, where a second page has no use and a total would cost a count per keystroke.
     */
    private static final Set<String> UNPAGED_LISTS = Set.of("GET /api/claims", "GET /api/claims/similar");

    /**
     * What the annotations alone did not say (web.ApiDescription adds it to every /api operation, including routes
     * added later): error answers with the {error, details} schema, If-Match with its 412 and the ETag it compares,
     * page/size bounds, X-Total-Count and Link on paged arrays, a total in paged objects, Location on 201.
     */
    @Test
    void errorsConditionalRequestsAndPagingAreDeclared() throws Exception {
        JsonNode api = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        JsonNode error = api.path("components").path("schemas").path("Error");
        assertEquals("[\"error\",\"details\"]", error.path("required").toString(), error.toString());
        List<String> problems = new ArrayList<>();
        List<String> conditional = new ArrayList<>();
        List<String> paged = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                JsonNode responses = operation.path("responses");
                List<String> errors = new ArrayList<>(List.of("400", "503"));
                if (path.getKey().contains("{")) {
                    errors.add("404");
                }
                if (!entry.getKey().equals("get")) {
                    errors.add("409");
                }
                if (parameter(operation, "header", "If-Match") != null) {
                    errors.add("412");
                    conditional.add(name);
                    for (JsonNode tagged : List.of(operation, path.getValue().path("get"))) {
                        if (!tagged.isMissingNode() && success(tagged).stream().anyMatch(r -> !r.path("headers").has("ETag"))) {
                            problems.add(name + ": the resource's answers do not declare ETag");
                        }
                    }
                }
                for (String status : errors) {
                    String ref = responses.path(status).path("content").path("application/json").path("schema").path("$ref").asText();
                    if (!ref.equals("#/components/schemas/Error")) {
                        problems.add(name + " " + status + ": not declared with the Error schema");
                    }
                }
                if (!responses.path("503").path("headers").has("Retry-After")) {
                    problems.add(name + " 503: no Retry-After");
                }
                if (responses.has("201") && !responses.path("201").path("headers").has("Location")) {
                    problems.add(name + " 201: no Location");
                }
                if (responses.has("201")) {
                    created.add(name);
                }
                JsonNode page = parameter(operation, "query", "page");
                JsonNode size = parameter(operation, "query", "size");
                boolean list = entry.getKey().equals("get") && success(operation).stream().anyMatch(r -> isList(api, r));
                if (page == null && size == null) {
                    if (list && !UNPAGED_LISTS.contains(name)) {
                        problems.add(name + ": a list without ?page=&size=");
                    }
                    continue;
                }
                paged.add(name);
                if (page == null || size == null) {
                    problems.add(name + ": page and size go together");
                    continue;
                }
                if (page.path("schema").path("minimum").asInt() != 1 || size.path("schema").path("minimum").asInt() != 1
                        || !size.path("schema").has("maximum")) {
                    problems.add(name + ": page/size bounds not declared");
                }
                for (JsonNode response : success(operation)) {
                    JsonNode schema = jsonSchema(response);
                    if (schema.path("type").asText().equals("array")) {
                        boolean counted = !operation.path(ApiPage.UNCOUNTED).asBoolean();
                        if (!response.path("headers").has("Link") || response.path("headers").has("X-Total-Count") != counted) {
                            problems.add(name + (counted ? ": a paged array without X-Total-Count and Link"
                                    : ": an uncounted paged array with X-Total-Count or without Link"));
                        }
                    } else if (resolve(api, schema).path("properties").propertyStream()
                            .noneMatch(p -> p.getKey().toLowerCase().contains("total"))) {
                        problems.add(name + ": a paged object without a total");
                    }
                }
            }
        }
        // the rules found what they are about (and new routes join these lists by themselves)
        assertTrue(conditional.containsAll(List.of("PATCH /api/claims/{id}", "PUT /api/documents/{id}")), conditional.toString());
        assertTrue(paged.containsAll(List.of("GET /api/documents", "GET /api/contested", "GET /api/search",
                "GET /api/claimreviews", "GET /api/annotations")), paged.toString());
        assertTrue(created.containsAll(List.of("POST /api/claims", "POST /api/documents", "POST /api/users")), created.toString());
        assertEquals(List.of(), problems);
    }

    /** The list rule is not vacuous: an array answer is a list, a string is not. */
    @Test
    void theListRuleRecognisesArraysAndPages() throws Exception {
        JsonNode api = new ObjectMapper().readTree("{\"paths\":{}}");
        JsonNode answer = new ObjectMapper().readTree("{\"content\":{\"application/json\":{\"schema\":{\"type\":\"array\","
                + "\"items\":{\"type\":\"string\"}}}}}");
        assertTrue(isList(api, answer));
        assertTrue(!isList(api, new ObjectMapper().readTree("{\"content\":{\"application/json\":{\"schema\":{\"type\":\"string\"}}}}")));
    }

    private static JsonNode parameter(JsonNode operation, String in, String name) {
        for (JsonNode p : operation.path("parameters")) {
            if (in.equals(p.path("in").asText()) && name.equalsIgnoreCase(p.path("name").asText())) {
                return p;
            }
        }
        return null;
    }

    private static List<JsonNode> success(JsonNode operation) {
        return operation.path("responses").propertyStream().filter(e -> e.getKey().startsWith("2")).map(Map.Entry::getValue).toList();
    }

    private static JsonNode jsonSchema(JsonNode response) {
        for (Map.Entry<String, JsonNode> content : response.path("content").properties()) {
            if (content.getKey().contains("json")) {
                return content.getValue().path("schema");
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : api.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** An answer that is a list: a JSON array, or a page object holding its entries in {@code items}. */
    private static boolean isList(JsonNode api, JsonNode response) {
        JsonNode schema = resolve(api, jsonSchema(response));
        return schema.path("type").asText().equals("array")
                || resolve(api, schema.path("properties").path("items")).path("type").asText().equals("array");
    }

    @Test
    void theCheckRecognisesAnUntypedObject() throws Exception {
        JsonNode api = new ObjectMapper().readTree("{\"components\":{\"schemas\":{\"Loose\":{\"type\":\"object\","
                + "\"properties\":{\"claim\":{\"type\":\"object\",\"additionalProperties\":{}}}}}}}");
        List<String> problems = new ArrayList<>();
        untyped(api, new ObjectMapper().readTree("{\"$ref\":\"#/components/schemas/Loose\"}"), "x", new HashSet<>(), problems);
        assertEquals(List.of("x: Loose.claim is an untyped object"), problems);
    }

    /** Walks a schema and everything it refers to; reports objects with neither properties nor a typed value schema. */
    private static void untyped(JsonNode api, JsonNode schema, String where, Set<String> seen, List<String> problems) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            String component = ref.substring(ref.lastIndexOf('/') + 1);
            if (seen.add(component)) {
                untyped(api, api.path("components").path("schemas").path(component), where + ": " + component, seen, problems);
            }
            return;
        }
        for (String combined : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.has(combined)) {
                schema.get(combined).forEach(s -> untyped(api, s, where, seen, problems));
                return;
            }
        }
        String type = schema.path("type").asText("");
        if (schema.path("type").isArray()) {
            // OpenAPI 3.1 spells a nullable field as type: [string, "null"]: what counts is the non-null type
            for (JsonNode t : schema.path("type")) {
                if (!t.asText().equals("null")) {
                    type = t.asText();
                }
            }
        }
        if (type.equals("array")) {
            untyped(api, schema.path("items"), where + "[]", seen, problems);
            return;
        }
        if (!type.isEmpty() && !type.equals("object")) {
            return;
        }
        if (schema.has("properties")) {
            schema.get("properties").properties().forEach(p -> untyped(api, p.getValue(), where + "." + p.getKey(), seen, problems));
            return;
        }
        JsonNode values = schema.path("additionalProperties");
        if (values.isObject() && values.size() > 0) {
            untyped(api, values, where + "{}", seen, problems);
            return;
        }
        problems.add(where.replaceFirst(": (\\w+)\\.", ": $1.") + " is an untyped object");
    }
}
