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
