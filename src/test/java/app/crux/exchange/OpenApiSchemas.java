package app.crux.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Validates live responses against the schemas the application publishes at /q/openapi: the
 * operation's response schema, with the document's components beside it so its $refs resolve.
 */
final class OpenApiSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode openapi;

    private OpenApiSchemas() {
    }

    static synchronized JsonNode openapi() {
        if (openapi == null) {
            try {
                openapi = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                        .extract().asString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return openapi;
    }

    /** The response schema of {@code method path} for {@code status}; the first JSON-like content type. */
    static JsonNode responseSchema(String path, String method, int status) {
        JsonNode content = openapi().path("paths").path(path).path(method.toLowerCase()).path("responses")
                .path(String.valueOf(status)).path("content");
        for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (entry.getKey().contains("json")) {
                return entry.getValue().path("schema");
            }
        }
        throw new AssertionError("no JSON response schema for " + method + " " + path + " " + status + " in /q/openapi");
    }

    /** The problems of {@code body} against that schema; empty when it conforms. */
    static List<String> problems(String path, String method, int status, JsonNode body) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.setAll((ObjectNode) responseSchema(path, method, status).deepCopy());
        root.set("components", openapi().path("components").deepCopy());
        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root.toString());
        return schema.validate(body).stream().map(Error::toString).toList();
    }
}
